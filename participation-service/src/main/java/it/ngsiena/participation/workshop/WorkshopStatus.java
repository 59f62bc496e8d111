package it.ngsiena.participation.workshop;

/** PLANNED → HELD or CANCELLED. */
public enum WorkshopStatus {
    PLANNED("Programmato", "Planned"),
    HELD("Svolto", "Held"),
    CANCELLED("Annullato", "Cancelled");

    private final String labelIt;
    private final String labelEn;

    WorkshopStatus(String labelIt, String labelEn) {
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
