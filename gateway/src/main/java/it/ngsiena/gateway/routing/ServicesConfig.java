package it.ngsiena.gateway.routing;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import it.ngsiena.contracts.Workstream;
import java.time.Duration;
import java.util.Optional;

/** Base URLs of the workstream services (env {@code NGS_GATEWAY_SERVICES_PARTICIPATION}, ...). */
@ConfigMapping(prefix = "ngs.gateway.services")
public interface ServicesConfig {

    String training();

    String participation();

    String feasibility();

    String comms();

    /**
     * Where each service answers its management endpoints (its OpenAPI document among them), when they
     * are on a port of their own (env {@code NGS_GATEWAY_SERVICES_TRAINING_MANAGEMENT}, ...); unset: the
     * service's base URL.
     */
    @WithName("training-management")
    Optional<String> trainingManagement();

    @WithName("participation-management")
    Optional<String> participationManagement();

    @WithName("feasibility-management")
    Optional<String> feasibilityManagement();

    @WithName("comms-management")
    Optional<String> commsManagement();

    /** How long a routed request may wait for the service's answer before it is a 504. */
    @WithDefault("30s")
    Duration timeout();

    /** Open connections kept to each service; requests beyond them wait for a free one. */
    @WithDefault("64")
    int connections();

    default String baseUrl(Workstream workstream) {
        return withoutSlash(switch (workstream) {
            case TRAINING -> training();
            case PARTICIPATION -> participation();
            case FEASIBILITY -> feasibility();
            case COMMS -> comms();
        });
    }

    /** Where the service's {@code /q/...} endpoints answer: its management interface, or its base URL. */
    default String managementUrl(Workstream workstream) {
        Optional<String> management = switch (workstream) {
            case TRAINING -> trainingManagement();
            case PARTICIPATION -> participationManagement();
            case FEASIBILITY -> feasibilityManagement();
            case COMMS -> commsManagement();
        };
        return management.map(ServicesConfig::withoutSlash).orElseGet(() -> baseUrl(workstream));
    }

    private static String withoutSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
