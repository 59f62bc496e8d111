package it.ngsiena.training.enrolment;

import it.ngsiena.kernel.text.Labelled;

/** ENROLLED while there is a seat, WAITING when the session was full, WITHDRAWN once given up. */
public enum EnrolmentStatus implements Labelled {
    ENROLLED,
    WAITING,
    WITHDRAWN
}
