package it.ngsiena.participation.need;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The fixed taxonomy of need themes, with Italian and English labels. */
@Schema(name = "NeedThemeCode")
public enum Theme {
    DIGITAL_TRANSITION("Transizione digitale", "Digital transition"),
    MOBILITY("Mobilità e trasporti", "Mobility and transport"),
    ENERGY_ENVIRONMENT("Energia e ambiente", "Energy and environment"),
    TOURISM_CULTURE("Turismo e cultura", "Tourism and culture"),
    SOCIAL_HEALTH("Servizi sociali e salute", "Social services and health"),
    ECONOMIC_DEVELOPMENT("Sviluppo economico", "Economic development"),
    INFRASTRUCTURE("Infrastrutture", "Infrastructure"),
    EDUCATION("Istruzione e formazione", "Education"),
    GOVERNANCE("Governance e servizi associati", "Governance and associated services");

    private final String labelIt;
    private final String labelEn;

    Theme(String labelIt, String labelEn) {
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
