package it.ngsiena.gateway.routing;

import io.smallrye.config.ConfigMapping;
import it.ngsiena.contracts.Workstream;

/** Base URLs of the workstream services (env {@code NGS_GATEWAY_SERVICES_PARTICIPATION}, ...). */
@ConfigMapping(prefix = "ngs.gateway.services")
public interface ServicesConfig {

    String training();

    String participation();

    String feasibility();

    String comms();

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
