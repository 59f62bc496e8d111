package it.ngsiena.training.session;

import it.ngsiena.kernel.text.Labelled;

/** How a session is delivered; it decides whether a venue or a meeting link is required. */
public enum SessionFormat implements Labelled {
    ONLINE_SEMINAR,
    IN_PERSON_DAY,
    CAPACITY_LAB
}
