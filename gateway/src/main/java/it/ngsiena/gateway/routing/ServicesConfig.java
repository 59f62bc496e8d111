package it.ngsiena.gateway.routing;

import it.ngsiena.contracts.Workstream;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import org.eclipse.microprofile.config.Config;

/**
 * Where each workstream's service answers, for every {@link Workstream}, and how the gateway talks to
 * them. Read once at start; a workstream without an address stops the gateway from starting, naming the
 * setting. The names are built from the workstream (a config mapping would need one method per
 * workstream), and each is overridable by its environment variable:
 * <ul>
 * <li>{@code ngs.gateway.services.<workstream>} (env {@code NGS_GATEWAY_SERVICES_TRAINING}, ...): its base URL;
 * <li>{@code ngs.gateway.services.<workstream>-management} (env {@code NGS_GATEWAY_SERVICES_TRAINING_MANAGEMENT},
 *     ...): where its management endpoints (its OpenAPI document among them) answer when they are on a
 *     port of their own; by default the base URL;
 * <li>{@code ngs.gateway.services.timeout} (30 s): how long a routed request may wait for the answer
 *     before it is a 504;
 * <li>{@code ngs.gateway.services.connections} (64): open connections kept to each service; requests
 *     beyond them wait for a free one.
 * </ul>
 */
@ApplicationScoped
public class ServicesConfig {

    private static final String PREFIX = "ngs.gateway.services.";

    private final Map<Workstream, String> base = new EnumMap<>(Workstream.class);
    private final Map<Workstream, String> management = new EnumMap<>(Workstream.class);
    private final Duration timeout;
    private final int connections;

    ServicesConfig(Config config) {
        for (Workstream workstream : Workstream.values()) {
            String name = PREFIX + workstream.id();
            String url = config.getOptionalValue(name, String.class)
                    .map(ServicesConfig::withoutSlash)
                    .orElseThrow(() -> new IllegalStateException("No address for the " + workstream.id()
                            + " service: set " + name + " (env NGS_GATEWAY_SERVICES_" + workstream.name() + ")"));
            base.put(workstream, url);
            management.put(
                    workstream,
                    config.getOptionalValue(name + "-management", String.class)
                            .map(ServicesConfig::withoutSlash)
                            .orElse(url));
        }
        this.timeout =
                config.getOptionalValue(PREFIX + "timeout", Duration.class).orElse(Duration.ofSeconds(30));
        this.connections =
                config.getOptionalValue(PREFIX + "connections", Integer.class).orElse(64);
    }

    public String baseUrl(Workstream workstream) {
        return base.get(workstream);
    }

    /** Where the service's {@code /q/...} endpoints answer: its management interface, or its base URL. */
    public String managementUrl(Workstream workstream) {
        return management.get(workstream);
    }

    public Duration timeout() {
        return timeout;
    }

    public int connections() {
        return connections;
    }

    private static String withoutSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
