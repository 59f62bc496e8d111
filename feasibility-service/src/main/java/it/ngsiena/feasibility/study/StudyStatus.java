package it.ngsiena.feasibility.study;

/** REQUESTED → IN_PROGRESS → COMPLETED, or ABANDONED from either open state. */
public enum StudyStatus {
    REQUESTED,
    IN_PROGRESS,
    COMPLETED,
    ABANDONED;

    public boolean isOpen() {
        return this == REQUESTED || this == IN_PROGRESS;
    }
}
