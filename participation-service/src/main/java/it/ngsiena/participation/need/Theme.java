package it.ngsiena.participation.need;

import it.ngsiena.kernel.text.Labelled;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The fixed taxonomy of need themes, with Italian and English labels. */
@Schema(name = "NeedThemeCode")
public enum Theme implements Labelled {
    DIGITAL_TRANSITION("Transizione digitale", "Digital transition"),
    MOBILITY("Mobilità e trasporti", "Mobility and transport"),
    ENERGY_ENVIRONMENT("Energia e ambiente", "Energy and environment"),
    TOURISM_CULTURE("Turismo e cultura", "Tourism and culture"),
    SOCIAL_HEALTH("Servizi sociali e salute", "Social services and health"),
    ECONOMIC_DEVELOPMENT("Sviluppo economico", "Economic development"),
    INFRASTRUCTURE("Infrastrutture", "Infrastructure"),
    EDUCATION("Istruzione e formazione", "Education"),
    GOVERNANCE("Governance e servizi associati", "Governance and associated services");

    private final Label label;

    Theme(String it, String en) {
        this.label = new Label(it, en);
    }

    @Override
    public Label label() {
        return label;
    }
}
