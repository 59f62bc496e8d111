package it.ngsiena.training.enrolment;

/** ENROLLED while there is a seat, WAITING when the session was full, WITHDRAWN once given up. */
public enum EnrolmentStatus {
    ENROLLED,
    WAITING,
    WITHDRAWN
}
