package it.ngsiena.gateway.routing;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import it.ngsiena.contracts.Workstream;
import java.time.Duration;

/** Base URLs of the workstream services (env {@code NGS_GATEWAY_SERVICES_PARTICIPATION}, ...). */
@ConfigMapping(prefix = "ngs.gateway.services")
public interface ServicesConfig {

    String training();

    String participation();

    String feasibility();

    String comms();

    /** How long a routed request may wait for the service's answer before it is a 504. */
    @WithDefault("30s")
    Duration timeout();

    /** Open connections kept to each service; requests beyond them wait for a free one. */
    @WithDefault("64")
    int connections();

    default String baseUrl(Workstream workstream) {
        String url = switch (workstream) {
            case TRAINING -> training();
            case PARTICIPATION -> participation();
            case FEASIBILITY -> feasibility();
            case COMMS -> comms();
        };
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
