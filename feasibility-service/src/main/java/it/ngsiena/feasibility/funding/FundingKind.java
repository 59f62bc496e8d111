package it.ngsiena.feasibility.funding;

/** Where money comes from; PNRR money names its mission component. */
public enum FundingKind {
    PNRR,
    NATIONAL,
    EU,
    REGIONAL,
    MUNICIPAL,
    PRIVATE
}
