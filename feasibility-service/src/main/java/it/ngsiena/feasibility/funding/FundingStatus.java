package it.ngsiena.feasibility.funding;

import it.ngsiena.kernel.text.Labelled;

/** IDENTIFIED → APPLIED → AWARDED or REJECTED. */
public enum FundingStatus implements Labelled {
    IDENTIFIED,
    APPLIED,
    AWARDED,
    REJECTED
}
