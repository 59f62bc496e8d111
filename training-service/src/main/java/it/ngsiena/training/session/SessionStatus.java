package it.ngsiena.training.session;

/** SCHEDULED → HELD or CANCELLED. */
public enum SessionStatus {
    SCHEDULED,
    HELD,
    CANCELLED
}
