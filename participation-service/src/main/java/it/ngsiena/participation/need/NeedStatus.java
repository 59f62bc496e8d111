package it.ngsiena.participation.need;

/** A need's lifecycle: SUBMITTED → UNDER_REVIEW → PRIORITISED → IN_FEASIBILITY → ASSESSED, or REJECTED. */
public enum NeedStatus {
    SUBMITTED,
    UNDER_REVIEW,
    PRIORITISED,
    IN_FEASIBILITY,
    ASSESSED,
    REJECTED
}
