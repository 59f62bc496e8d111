package it.ngsiena.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Directus (issue 20, part 7), the generic data API a user could put in front of the same PostgreSQL, in a
 * database of its own on the bench's server, holding copies of the rows the gateway answers with: the
 * participation service's {@code need} table and the gateway's municipality list as a table. Anonymous
 * reads of the municipalities (like the gateway's), a signed-in user with a read policy for the needs.
 * bench/run installs the pinned version (bench/directus/package-lock.json) outside the clone and says
 * where in {@code NGS_BENCH_DIRECTUS_HOME}; without it the comparison is reported as not measured.
 */
final class Directus implements AutoCloseable {

    static final String USER_TOKEN = "bench-reader-token";
    private static final String ADMIN_TOKEN = "bench-admin-token";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Process process;
    private final String url;
    /** Node is a child process: stopping the bench must stop it too. */
    private final Thread stopOnExit;

    private Directus(Process process, String url) {
        this.process = process;
        this.url = url;
        this.stopOnExit = new Thread(process::destroy, "stop-directus");
        Runtime.getRuntime().addShutdownHook(stopOnExit);
    }

    /** Where bench/run installed Directus, if it did. */
    static Optional<Path> home() {
        String home = System.getenv("NGS_BENCH_DIRECTUS_HOME");
        return home == null || home.isBlank() || !Files.isExecutable(Path.of(home, "node_modules/.bin/directus"))
                ? Optional.empty()
                : Optional.of(Path.of(home));
    }

    /**
     * Copies the rows into a new database {@code directus}, creates Directus' own tables there, starts it and
     * grants the reads.
     */
    static Directus start(Path home, int postgresPort, String gatewayUrl, Path log) throws Exception {
        String server = "jdbc:postgresql://127.0.0.1:" + postgresPort + "/";
        try (Connection c = DriverManager.getConnection(server + "postgres", "postgres", "");
                Statement s = c.createStatement()) {
            s.execute("drop database if exists directus");
            s.execute("create database directus");
        }
        Command.run(
                List.of(
                        "bash",
                        "-c",
                        "pg_dump -h 127.0.0.1 -p " + postgresPort + " -U postgres -d participation"
                                + " -t need --no-owner | psql -q -h 127.0.0.1 -p " + postgresPort
                                + " -U postgres -d directus"),
                Map.of(),
                Duration.ofMinutes(5));
        copyMunicipalities(server + "directus", gatewayUrl);
        int port = it.ngsiena.infra.Ports.free();
        Map<String, String> env = environment(home, postgresPort, port);
        String directus = home.resolve("node_modules/.bin/directus").toString();
        Command.run(List.of(directus, "bootstrap"), env, Duration.ofMinutes(3));
        ProcessBuilder pb = new ProcessBuilder(directus, "start")
                .directory(home.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        pb.environment().putAll(env);
        Directus started = new Directus(pb.start(), "http://127.0.0.1:" + port);
        try {
            started.awaitHealthy(Duration.ofMinutes(2));
            started.grantReads();
            return started;
        } catch (Exception e) {
            started.close();
            throw e;
        }
    }

    String url() {
        return url;
    }

    private static Map<String, String> environment(Path home, int postgresPort, int port) {
        Map<String, String> env = new HashMap<>();
        env.put("DB_CLIENT", "pg");
        env.put("DB_HOST", "127.0.0.1");
        env.put("DB_PORT", Integer.toString(postgresPort));
        env.put("DB_DATABASE", "directus");
        env.put("DB_USER", "postgres");
        env.put("DB_PASSWORD", "");
        env.put("KEY", "ngs-bench");
        env.put("SECRET", "ngs-bench-secret-only-for-a-throw-away-benchmark");
        env.put("ADMIN_EMAIL", "admin@example.org");
        env.put("ADMIN_PASSWORD", "ngs-bench-admin");
        env.put("ADMIN_TOKEN", ADMIN_TOKEN);
        env.put("HOST", "127.0.0.1");
        env.put("PORT", Integer.toString(port));
        env.put("PUBLIC_URL", "http://127.0.0.1:" + port);
        env.put("LOG_LEVEL", "warn");
        env.put("TELEMETRY", "false");
        // as the gateway: no response cache, and no rate limiter in front of one load generator
        env.put("CACHE_ENABLED", "false");
        env.put("RATE_LIMITER_ENABLED", "false");
        env.put("STORAGE_LOCAL_ROOT", home.resolve("uploads").toString());
        env.put("EXTENSIONS_PATH", home.resolve("extensions").toString());
        return env;
    }

    /** The gateway's {@code GET /v1/municipalities} answer, one row per municipality. */
    private static void copyMunicipalities(String jdbcUrl, String gatewayUrl) throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(gatewayUrl + "/v1/municipalities"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        JsonNode items = JSON.readTree(r.body()).get("items");
        try (Connection c = DriverManager.getConnection(jdbcUrl, "postgres", "")) {
            c.createStatement().execute("""
                    create table municipality (istat text primary key, name text not null, certificates bigint not null,
                        needs bigint not null, studies bigint not null, announcements bigint not null,
                        active_in jsonb not null, role text)""");
            try (PreparedStatement insert =
                    c.prepareStatement("insert into municipality values (?, ?, ?, ?, ?, ?, ?::jsonb, ?)")) {
                for (JsonNode m : items) {
                    insert.setString(1, m.get("istat").asText());
                    insert.setString(2, m.get("name").asText());
                    insert.setLong(3, m.get("certificates").asLong());
                    insert.setLong(4, m.get("needs").asLong());
                    insert.setLong(5, m.get("studies").asLong());
                    insert.setLong(6, m.get("announcements").asLong());
                    insert.setString(7, m.get("activeIn").toString());
                    insert.setString(
                            8, m.get("role").isNull() ? null : m.get("role").asText());
                    insert.addBatch();
                }
                insert.executeBatch();
            }
        }
    }

    private void awaitHealthy(Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Directus ended (exit " + process.exitValue() + "); see its log");
            }
            try {
                if (get("/server/health", null).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("Directus not healthy within " + timeout);
            }
            Thread.sleep(250);
        }
    }

    /** Anonymous reads of the municipalities; a user whose policy reads the needs, with a static token. */
    private void grantReads() throws Exception {
        JsonNode policies = JSON.readTree(
                        get("/policies?fields=id,name", ADMIN_TOKEN).body())
                .get("data");
        String publicPolicy = null;
        for (JsonNode p : policies) {
            if (p.get("name").asText().contains("public")) {
                publicPolicy = p.get("id").asText();
            }
        }
        if (publicPolicy == null) {
            throw new IllegalStateException("Directus has no public policy: " + policies);
        }
        post(
                "/permissions",
                Map.of("policy", publicPolicy, "collection", "municipality", "action", "read", "fields", List.of("*")));
        String reader = post("/policies", Map.of("name", "need reader", "app_access", false, "admin_access", false))
                .get("id")
                .asText();
        post("/permissions", Map.of("policy", reader, "collection", "need", "action", "read", "fields", List.of("*")));
        post(
                "/users",
                Map.of(
                        "email",
                        "reader@example.org",
                        "password",
                        "ngs-bench-reader",
                        "token",
                        USER_TOKEN,
                        "policies",
                        List.of(Map.of("policy", reader))));
    }

    private HttpResponse<String> get(String path, String token) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url + path)).timeout(Duration.ofSeconds(10));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private JsonNode post(String path, Map<String, Object> body) throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(url + path))
                                .header("Authorization", "Bearer " + ADMIN_TOKEN)
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() / 100 != 2) {
            throw new IllegalStateException("Directus " + path + " answered " + r.statusCode() + ": " + r.body());
        }
        return JSON.readTree(r.body()).get("data");
    }

    @Override
    public void close() {
        try {
            Runtime.getRuntime().removeShutdownHook(stopOnExit);
        } catch (IllegalStateException exiting) {
            // the JVM is exiting: the hook runs anyway
        }
        process.destroy();
        try {
            if (!process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
