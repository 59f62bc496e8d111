package it.ngsiena.participation.need;

/** Where a need was collected. */
public enum NeedOrigin {
    WORKSHOP,
    ONLINE,
    SURVEY
}
