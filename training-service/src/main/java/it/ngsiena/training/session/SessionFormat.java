package it.ngsiena.training.session;

import it.ngsiena.kernel.text.Labelled;

/** How a session is delivered; it decides whether a venue or a meeting link is required. */
public enum SessionFormat implements Labelled {
    ONLINE_SEMINAR("Seminario online", "Online seminar"),
    IN_PERSON_DAY("Giornata di formazione in presenza", "In-person training day"),
    CAPACITY_LAB("Laboratorio di capacity building", "Capacity-building lab");

    private final Label label;

    SessionFormat(String it, String en) {
        this.label = new Label(it, en);
    }

    @Override
    public Label label() {
        return label;
    }
}
