package it.ngsiena.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** One service of the platform, run from its packaged jar as a child process. */
final class ServiceProcess implements AutoCloseable {

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

    private final String name;
    private final int port;
    private final int managementPort;
    private final Path log;
    private Process process;
    private long startedAt;
    private long readyAfterMillis = -1;
    /** Writes its class-data archive on exit, which takes seconds of CPU (more with others doing the same). */
    private boolean recordingArchive;

    private ServiceProcess(String name, int port, int managementPort, Path log) {
        this.name = name;
        this.port = port;
        this.managementPort = managementPort;
        this.log = log;
    }

    /**
     * Starts the jar with the environment given; {@code managementPort} is where its health answers.
     * {@code name} names the instance (its log), {@code serviceName} the service it is an instance of.
     */
    static ServiceProcess start(
            String name,
            String serviceName,
            Path jar,
            List<String> jvmOptions,
            int port,
            int managementPort,
            Map<String, String> env,
            Path logDir) {
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing: build the project first (./mvnw install -DskipTests)");
        }
        try {
            Files.createDirectories(logDir);
            ServiceProcess service = new ServiceProcess(name, port, managementPort, logDir.resolve(name + ".log"));
            String java =
                    Path.of(System.getProperty("java.home"), "bin", "java").toString();
            List<String> command = new ArrayList<>(List.of(java));
            command.addAll(jvmOptions);
            List<String> sharing = classDataSharing(serviceName, jar, name.equals(serviceName));
            service.recordingArchive = sharing.stream().anyMatch(f -> f.startsWith("-XX:ArchiveClassesAtExit"));
            command.addAll(sharing);
            command.addAll(List.of("-jar", jar.toString()));
            ProcessBuilder pb = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(service.log.toFile()));
            pb.environment().putAll(env);
            service.startedAt = System.nanoTime();
            service.process = pb.start();
            return service;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + name, e);
        }
    }

    /**
     * A start is CPU-bound on this machine, and a good part of it is loading and verifying the same
     * classes every time. The first run of a jar records them into a class-data archive next to it
     * (written when the service stops); later runs map that archive (bench/README.md has the figures).
     * A rebuilt jar is newer than its archive, so the archive is recorded again. Only the service's first
     * instance records; another one (a replica) uses the archive if there is one.
     */
    private static List<String> classDataSharing(String service, Path jar, boolean mayRecord) throws IOException {
        Path archive = jar.getParent().resolveSibling(service + "-classes.jsa");
        List<String> quiet = List.of("-Xlog:cds=off", "-Xlog:cds+dynamic=off");
        List<String> flags = new ArrayList<>(quiet);
        if (Files.exists(archive) && Files.getLastModifiedTime(archive).compareTo(Files.getLastModifiedTime(jar)) > 0) {
            flags.add("-XX:SharedArchiveFile=" + archive);
        } else if (mayRecord) {
            Files.deleteIfExists(archive);
            flags.add("-XX:ArchiveClassesAtExit=" + archive);
        }
        return flags;
    }

    String name() {
        return name;
    }

    /** Resident set size of the process in kilobytes (Linux /proc), or -1 where that cannot be read. */
    long residentKilobytes() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("\\D", ""));
                }
            }
        } catch (IOException | RuntimeException e) {
            return -1;
        }
        return -1;
    }

    long pid() {
        return process.pid();
    }

    String url() {
        return "http://127.0.0.1:" + port;
    }

    /** Health, metrics and OpenAPI (the management interface). */
    String managementUrl() {
        return "http://127.0.0.1:" + managementPort;
    }

    Path log() {
        return log;
    }

    long readyAfterMillis() {
        return readyAfterMillis;
    }

    /**
     * Asks {@code /q/health/ready} on the management interface once; the first UP fixes {@link #readyAfterMillis}. Fails if the
     * process has exited.
     */
    boolean isReady() {
        if (readyAfterMillis >= 0) {
            return true;
        }
        if (!process.isAlive()) {
            throw new IllegalStateException(name + " exited with code " + process.exitValue() + "; see " + log);
        }
        try {
            HttpResponse<Void> r = HTTP.send(
                    HttpRequest.newBuilder(URI.create(managementUrl() + "/q/health/ready"))
                            .timeout(Duration.ofSeconds(2))
                            .build(),
                    HttpResponse.BodyHandlers.discarding());
            if (r.statusCode() == 200) {
                readyAfterMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startedAt);
                return true;
            }
        } catch (IOException e) {
            // not listening yet
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for " + name, e);
        }
        return false;
    }

    /** SIGKILL, as a crash or an OOM killer would: no shutdown hook runs, nothing is flushed. */
    void kill() {
        if (process == null) {
            return;
        }
        try {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        process = null;
    }

    @Override
    public void close() {
        if (process == null) {
            return;
        }
        process.destroy();
        try {
            // the launcher's stop is bounded (30 s for the whole platform): a service still draining or still
            // writing its class-data archive by then is killed, and the next start records the archive again
            if (!process.waitFor(recordingArchive ? 22 : 15, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
        process = null;
    }
}
