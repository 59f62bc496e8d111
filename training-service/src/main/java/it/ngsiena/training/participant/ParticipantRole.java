package it.ngsiena.training.participant;

/** A participant's role in their municipality. */
public enum ParticipantRole {
    ADMINISTRATOR("Amministratore", "Administrator"),
    EMPLOYEE("Dipendente", "Employee");

    private final String labelIt;
    private final String labelEn;

    ParticipantRole(String labelIt, String labelEn) {
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
