package it.ngsiena.feasibility.funding;

/** IDENTIFIED → APPLIED → AWARDED or REJECTED. */
public enum FundingStatus {
    IDENTIFIED,
    APPLIED,
    AWARDED,
    REJECTED
}
