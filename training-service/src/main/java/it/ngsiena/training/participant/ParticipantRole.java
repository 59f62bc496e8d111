package it.ngsiena.training.participant;

import it.ngsiena.kernel.text.Labelled;

/** A participant's role in their municipality. */
public enum ParticipantRole implements Labelled {
    ADMINISTRATOR("Amministratore", "Administrator"),
    EMPLOYEE("Dipendente", "Employee");

    private final Label label;

    ParticipantRole(String it, String en) {
        this.label = new Label(it, en);
    }

    @Override
    public Label label() {
        return label;
    }
}
