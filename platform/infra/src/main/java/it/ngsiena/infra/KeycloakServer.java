package it.ngsiena.infra;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Keycloak from the {@code keycloak-quarkus-dist} zip, started with {@code kc.sh start-dev
 * --import-realm} on 127.0.0.1 (one host string everywhere: tokens carry the issuer host exactly as
 * it was requested). The first start builds Keycloak (over a minute); later starts take seconds.
 */
public final class KeycloakServer implements AutoCloseable {

    private final Path home;
    private final int port;
    private final String realm;
    private Process process;
    private long launchedAt;

    private KeycloakServer(Path home, int port, String realm) {
        this.home = home;
        this.port = port;
        this.realm = realm;
    }

    /**
     * Unpacks the distribution into {@code home} unless it is there, imports the realm file on its
     * first start, and starts Keycloak without waiting for it: the caller starts other things
     * meanwhile and calls {@link #awaitReady}.
     */
    public static KeycloakServer launch(
            Path distZip, Path home, int port, Path realmFile, String realm, Consumer<String> progress) {
        KeycloakServer server = new KeycloakServer(home, port, realm);
        server.install(distZip, realmFile, progress);
        server.startProcess();
        return server;
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    /** The OIDC issuer of the realm, as services must be configured with it. */
    public String issuer() {
        return baseUrl() + "/realms/" + realm;
    }

    public Path log() {
        return home.resolve("keycloak.log");
    }

    private void install(Path distZip, Path realmFile, Consumer<String> progress) {
        try {
            if (!Files.exists(home.resolve("bin/kc.sh"))) {
                if (distZip == null || !Files.exists(distZip)) {
                    throw new IllegalStateException("Keycloak distribution zip not found: " + distZip
                            + " (build the project first: ./mvnw install -DskipTests)");
                }
                progress.accept("Unpacking Keycloak into " + home);
                unzipStrippingTopFolder(distZip, home);
            }
            Path imports = home.resolve("data/import");
            Files.createDirectories(imports);
            Path imported = imports.resolve(realm + "-realm.json");
            // --import-realm skips a realm that exists: a changed realm file is imported afresh.
            if (Files.exists(imported) && Files.mismatch(imported, realmFile) != -1) {
                progress.accept("The realm file changed: Keycloak's database is reset to import it again");
                Directories.deleteRecursively(home.resolve("data/h2"));
            }
            Files.copy(realmFile, imported, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void startProcess() {
        ProcessBuilder pb = new ProcessBuilder(
                        home.resolve("bin/kc.sh").toString(),
                        "start-dev",
                        "--http-host",
                        "127.0.0.1",
                        "--http-port",
                        Integer.toString(port),
                        "--import-realm",
                        "--hostname-strict",
                        "false")
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log().toFile()));
        pb.environment().put("KC_BOOTSTRAP_ADMIN_USERNAME", "admin");
        pb.environment().put("KC_BOOTSTRAP_ADMIN_PASSWORD", "admin");
        pb.environment().putIfAbsent("JAVA_OPTS_KC_HEAP", "-Xms64m -Xmx512m");
        pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
        try {
            launchedAt = System.nanoTime();
            process = pb.start();
        } catch (IOException e) {
            throw new UncheckedIOException("Keycloak did not start", e);
        }
    }

    /**
     * Waits until the realm answers; stops Keycloak and fails if it does not within the timeout.
     *
     * @param progress told what is happening while the start takes long
     */
    public void awaitReady(Duration timeout, Consumer<String> progress) {
        HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        URI discovery = URI.create(issuer() + "/.well-known/openid-configuration");
        long deadline = System.nanoTime() + timeout.toNanos();
        long lastReport = System.nanoTime();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Keycloak exited with code " + process.exitValue() + "; see " + log());
            }
            try {
                HttpResponse<Void> r = http.send(
                        HttpRequest.newBuilder(discovery)
                                .timeout(Duration.ofSeconds(2))
                                .build(),
                        HttpResponse.BodyHandlers.discarding());
                if (r.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for Keycloak", e);
            }
            if (System.nanoTime() - lastReport > TimeUnit.SECONDS.toNanos(10)) {
                lastReport = System.nanoTime();
                progress.accept("Keycloak is starting (" + TimeUnit.NANOSECONDS.toSeconds(lastReport - launchedAt)
                        + " s; the first start builds it and takes over a minute)");
            }
            sleep(500);
        }
        close();
        throw new IllegalStateException("Keycloak was not ready within " + timeout + "; see " + log());
    }

    @Override
    public void close() {
        if (process == null) {
            return;
        }
        ProcessHandle handle = process.toHandle();
        var children = handle.descendants().toList();
        handle.destroy();
        children.forEach(ProcessHandle::destroy);
        try {
            // within the launcher's 30 s for the whole platform: Keycloak stops in a few seconds, or is killed
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                handle.destroyForcibly();
            }
            for (ProcessHandle child : children) {
                child.onExit().get(5, TimeUnit.SECONDS);
            }
        } catch (Exception e) {
            children.forEach(ProcessHandle::destroyForcibly);
        }
        process = null;
    }

    private static void unzipStrippingTopFolder(Path zip, Path target) throws IOException {
        Files.createDirectories(target);
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                String name = entry.getName();
                int slash = name.indexOf('/');
                if (slash < 0 || slash == name.length() - 1) {
                    continue;
                }
                Path out = target.resolve(name.substring(slash + 1)).normalize();
                if (!out.startsWith(target)) {
                    throw new IOException("zip entry outside the target: " + name);
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(out);
                } else {
                    Files.createDirectories(out.getParent());
                    copy(in, out);
                    if (name.endsWith(".sh")) {
                        out.toFile().setExecutable(true);
                    }
                }
            }
        }
    }

    private static void copy(InputStream in, Path out) throws IOException {
        Files.copy(in, out, StandardCopyOption.REPLACE_EXISTING);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
