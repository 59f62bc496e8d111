package it.ngsiena.e2e;

import it.ngsiena.local.LocalPlatform;
import it.ngsiena.local.Settings;
import it.ngsiena.testkit.ResponseContract;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The whole platform, started once for the test run by the launcher's code (Keycloak from its
 * distribution included) and stopped when the run ends, whichever test classes use it. It runs as an
 * operator would observe it: traces exported over OTLP (to {@link #traces()}), JSON log lines.
 */
public class RunningPlatform implements BeforeAllCallback {

    /** How long the gateway trusts what Keycloak said of a webhook's owner, in these tests. */
    static final String WEBHOOK_OWNER_CHECK = "2s";

    private static LocalPlatform platform;
    private static OtlpReceiver traces;
    /** Where the browser test serves its page: a frontend of another origin, allowed by the gateway's CORS. */
    private static final String FRONTEND_ORIGIN = "http://127.0.0.1:" + it.ngsiena.infra.Ports.free();

    @Override
    public void beforeAll(ExtensionContext context) {
        ResponseContract.install(); // every answer the gateway gives these tests, held to the merged document
        context.getRoot()
                .getStore(ExtensionContext.Namespace.GLOBAL)
                .getOrComputeIfAbsent(
                        RunningPlatform.class,
                        key -> {
                            traces = OtlpReceiver.start();
                            platform = start(traces);
                            return (ExtensionContext.Store.CloseableResource) () -> {
                                stop();
                                traces.close();
                                traces = null;
                            };
                        },
                        ExtensionContext.Store.CloseableResource.class);
    }

    static LocalPlatform platform() {
        return platform;
    }

    /** Stops the platform before the run ends (StoppingE2ETest, the last class to run); once only. */
    static synchronized void stop() {
        if (platform != null) {
            platform.close();
            platform = null;
        }
    }

    /** The collector the services send their spans to. */
    static OtlpReceiver traces() {
        return traces;
    }

    /** The origin the gateway lets browsers call it from (a frontend page served by the tests). */
    static String frontendOrigin() {
        return FRONTEND_ORIGIN;
    }

    /** Where a service's output (its log lines) goes. */
    static Path log(String service) {
        return stateDir().resolve("logs").resolve(service + ".log");
    }

    private static Path stateDir() {
        return Path.of(System.getProperty("ngs.state.dir", "target/platform-state"));
    }

    /** The repository root: the realm file, the scripts and the services' jars are found under it. */
    static Path root() {
        return Path.of(System.getProperty("ngs.root", "..")).toAbsolutePath().normalize();
    }

    private static LocalPlatform start(OtlpReceiver traces) {
        Settings settings = Settings.forTests(
                        root(),
                        stateDir(),
                        Path.of(System.getProperty("ngs.keycloak.zip")),
                        Path.of(System.getProperty("ngs.keycloak.home", "target/keycloak")),
                        message -> System.out.println("[platform] " + message))
                .withServiceEnvironment(Map.of(
                        "QUARKUS_OTEL_SDK_DISABLED", "false",
                        "QUARKUS_OTEL_EXPORTER_OTLP_TRACES_PROTOCOL", "http/protobuf",
                        "QUARKUS_OTEL_EXPORTER_OTLP_TRACES_ENDPOINT", traces.tracesEndpoint(),
                        "QUARKUS_OTEL_BSP_SCHEDULE_DELAY", "200ms", // spans out soon after they end
                        "NGS_LOG_JSON", "true",
                        // a webhook's owner is checked again this soon (5 min in production): WebhookOwnerE2ETest
                        "NGS_WEBHOOKS_OWNER_CHECK", WEBHOOK_OWNER_CHECK,
                        "NGS_GATEWAY_CORS_ORIGINS", FRONTEND_ORIGIN));
        LocalPlatform started = LocalPlatform.start(settings);
        System.out.println("[platform] start times (ms): " + started.startTimes());
        return started;
    }
}
