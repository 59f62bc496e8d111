package it.ngsiena.feasibility.funding;

import it.ngsiena.kernel.text.Labelled;

/** Where money comes from; PNRR money names its mission component. */
public enum FundingKind implements Labelled {
    PNRR,
    NATIONAL,
    EU,
    REGIONAL,
    MUNICIPAL,
    PRIVATE
}
