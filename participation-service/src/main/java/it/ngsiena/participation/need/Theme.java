package it.ngsiena.participation.need;

import it.ngsiena.kernel.text.Labelled;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The fixed taxonomy of need themes, with Italian and English labels. */
@Schema(name = "NeedThemeCode")
public enum Theme implements Labelled {
    DIGITAL_TRANSITION,
    MOBILITY,
    ENERGY_ENVIRONMENT,
    TOURISM_CULTURE,
    SOCIAL_HEALTH,
    ECONOMIC_DEVELOPMENT,
    INFRASTRUCTURE,
    EDUCATION,
    GOVERNANCE
}
