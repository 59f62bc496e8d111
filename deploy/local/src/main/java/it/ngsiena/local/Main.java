package it.ngsiena.local;

import it.ngsiena.contracts.Workstream;
import it.ngsiena.infra.Ports;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.concurrent.CountDownLatch;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * {@code ./run}: starts the platform with demo data, prints where everything is, and runs until
 * Ctrl-C (or {@code ./run stop}), then stops everything it started.
 */
public final class Main {

    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss");

    private Main() {}

    public static void main(String[] args) throws Exception {
        Path root =
                Path.of(System.getProperty("ngs.root", ".")).toAbsolutePath().normalize();
        Consumer<String> progress =
                message -> System.out.println("[" + LocalTime.now().format(CLOCK) + "] " + message);
        Settings settings = Settings.fromEnvironment(root, System.getenv(), progress);
        Files.createDirectories(settings.stateDir());
        long start = System.nanoTime();
        LocalPlatform platform;
        try {
            platform = LocalPlatform.start(settings);
        } catch (Ports.PortInUseException | IllegalStateException | IllegalArgumentException e) {
            System.err.println("Cannot start the platform: " + e.getMessage());
            System.exit(1);
            return;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Path pidFile = settings.stateDir().resolve("platform.pid");
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            progress.accept("Stopping the platform");
                            platform.close();
                            deleteQuietly(pidFile);
                            progress.accept("Stopped");
                            stopped.countDown();
                        },
                        "ngs-shutdown"));
        Files.writeString(pidFile, Long.toString(ProcessHandle.current().pid()));
        DemoData.load(platform, root.resolve("seeds"), progress);
        long seconds = (System.nanoTime() - start) / 1_000_000_000L;
        System.out.println(banner(platform, seconds));
        stopped.await();
    }

    /** What {@code ./run} prints once the platform is up: every URL in it answers (BannerE2ETest). */
    public static String banner(LocalPlatform platform, long seconds) {
        String gateway = platform.gatewayUrl();
        return """

                Next Generation Siena platform is up (%d s).
                  Gateway          %s
                  Swagger UI       %s/q/swagger-ui (the gateway's management port)
                  Merged OpenAPI   %s/v1/openapi
                  Activity feed    %s/v1/activity (public events; a token shows what its roles may see)
                  Keycloak         %s  (admin console: admin / admin)
                  Kafka            %s
                  Services         %s
                  Mail (GreenMail) SMTP 127.0.0.1:%d, IMAP 127.0.0.1:%d (user = the address, password = the same)
                  Public feeds     %s/v1/comms/announcements.atom, %s/v1/comms/calendar.ics
                Demo logins (password = user name): admin, euronike, codesign, openimpact, ananse,
                  officer-siena, officer-montepulciano, viewer  (client ngs-cli)
                Partner systems (client credentials, secret = <client>-secret): euronike-lms, codesign-hub,
                  openimpact-studio, ananse-cms, comune-siena-it
                Logs in .local/logs/. Press Ctrl-C (or run ./run stop) to stop everything.
                """.formatted(
                        seconds,
                        gateway,
                        platform.managementUrl("gateway"),
                        gateway,
                        gateway,
                        platform.keycloakUrl(),
                        platform.kafkaBootstrapServers(),
                        Arrays.stream(Workstream.values())
                                .map(w -> w.id() + " " + platform.serviceUrl(w.id()))
                                .collect(Collectors.joining(", ")),
                        platform.smtpPort(),
                        platform.imapPort(),
                        gateway,
                        gateway);
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // nothing to do at shutdown
        }
    }
}
