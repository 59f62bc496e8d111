package it.ngsiena.training.participant;

import it.ngsiena.kernel.text.Labelled;

/** A participant's role in their municipality. */
public enum ParticipantRole implements Labelled {
    ADMINISTRATOR,
    EMPLOYEE
}
