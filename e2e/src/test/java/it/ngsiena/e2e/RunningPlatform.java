package it.ngsiena.e2e;

import it.ngsiena.local.LocalPlatform;
import it.ngsiena.local.Settings;
import java.nio.file.Path;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The whole platform, started once for the test run by the launcher's code (Keycloak from its
 * distribution included) and stopped when the run ends, whichever test classes use it.
 */
public class RunningPlatform implements BeforeAllCallback {

    private static LocalPlatform platform;

    @Override
    public void beforeAll(ExtensionContext context) {
        context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL).getOrComputeIfAbsent(RunningPlatform.class,
                key -> {
                    platform = start();
                    return (ExtensionContext.Store.CloseableResource) () -> {
                        platform.close();
                        platform = null;
                    };
                }, ExtensionContext.Store.CloseableResource.class);
    }

    static LocalPlatform platform() {
        return platform;
    }

    /** The repository root: the realm file, the scripts and the services' jars are found under it. */
    static Path root() {
        return Path.of(System.getProperty("ngs.root", "..")).toAbsolutePath().normalize();
    }

    private static LocalPlatform start() {
        Settings settings = Settings.forTests(root(), Path.of(System.getProperty("ngs.state.dir",
                "target/platform-state")), Path.of(System.getProperty("ngs.keycloak.zip")),
                Path.of(System.getProperty("ngs.keycloak.home", "target/keycloak")),
                message -> System.out.println("[platform] " + message));
        LocalPlatform started = LocalPlatform.start(settings);
        System.out.println("[platform] start times (ms): " + started.startTimes());
        return started;
    }
}
