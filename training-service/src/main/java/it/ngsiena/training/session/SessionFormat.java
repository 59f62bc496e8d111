package it.ngsiena.training.session;

/** How a session is delivered; it decides whether a venue or a meeting link is required. */
public enum SessionFormat {
    ONLINE_SEMINAR("Seminario online", "Online seminar"),
    IN_PERSON_DAY("Giornata di formazione in presenza", "In-person training day"),
    CAPACITY_LAB("Laboratorio di capacity building", "Capacity-building lab");

    private final String labelIt;
    private final String labelEn;

    SessionFormat(String labelIt, String labelEn) {
        this.labelIt = labelIt;
        this.labelEn = labelEn;
    }

    public String labelIt() {
        return labelIt;
    }

    public String labelEn() {
        return labelEn;
    }
}
