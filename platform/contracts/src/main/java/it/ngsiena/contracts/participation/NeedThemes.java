package it.ngsiena.contracts.participation;

import java.util.List;

/**
 * The codes of the need themes, shared by the workstreams that classify by theme (the participation
 * service's taxonomy, with labels, and the feasibility service's studies and funding opportunities).
 */
public final class NeedThemes {

    public static final List<String> CODES = List.of(
            "DIGITAL_TRANSITION",
            "MOBILITY",
            "ENERGY_ENVIRONMENT",
            "TOURISM_CULTURE",
            "SOCIAL_HEALTH",
            "ECONOMIC_DEVELOPMENT",
            "INFRASTRUCTURE",
            "EDUCATION",
            "GOVERNANCE");

    private NeedThemes() {}
}
