package it.ngsiena.bench.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import it.ngsiena.contracts.participation.NeedSubmitted;
import it.ngsiena.infra.Tokens;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The HTTP half of the container proof (deploy/test/run starts the compose stack first): the first path
 * through the gateway with real Keycloak tokens, then a burst of writes during which the participation
 * service's container is killed with SIGKILL, and the check that every need answered 201 has exactly
 * one event in the gateway's feed. Prints the figures; exits with 1 when a check fails.
 *
 * <p>Settings from the environment: NGS_PROOF_GATEWAY, NGS_PROOF_ISSUER, NGS_PROOF_KILL (the command that
 * kills the container), NGS_PROOF_WRITES (200).
 */
public final class ContainerProof {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String NEED_SUBMITTED = NeedSubmitted.TYPE;
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();

    private final String gateway;
    private final Tokens tokens;
    private final List<String> failures = new ArrayList<>();

    private ContainerProof(String gateway, String issuer) {
        this.gateway = gateway;
        this.tokens = new Tokens(issuer);
    }

    public static void main(String[] args) throws Exception {
        ContainerProof proof =
                new ContainerProof(System.getenv("NGS_PROOF_GATEWAY"), System.getenv("NGS_PROOF_ISSUER"));
        if ("census".equals(System.getenv("NGS_PROOF_STEP"))) {
            System.out.println(proof.census());
            return;
        }
        if ("write-one".equals(System.getenv("NGS_PROOF_STEP"))) {
            System.out.println("written: " + proof.writeOne());
            return;
        }
        proof.firstPath();
        proof.killDuringBurst(
                System.getenv("NGS_PROOF_KILL"),
                Integer.parseInt(System.getenv().getOrDefault("NGS_PROOF_WRITES", "200")));
        if (!proof.failures.isEmpty()) {
            proof.failures.forEach(f -> System.out.println("FAILED: " + f));
            System.exit(1);
        }
        System.out.println("proof: every check passed");
    }

    /** Siena's officer submits a need: 201, then its event in the feed; no token 401, a viewer 403. */
    private void firstPath() throws Exception {
        String officer = tokens.forUser("officer-siena", "officer-siena");
        long started = System.nanoTime();
        HttpResponse<String> created = post(officer, "Percorso nei container");
        check(created.statusCode() == 201, "officer's need answered " + created.statusCode() + ": " + created.body());
        String need = JSON.readTree(created.body()).path("id").asText();
        double seconds = awaitInFeed(Set.of(need), officer, Duration.ofSeconds(60));
        check(seconds >= 0, "the need's event did not reach the gateway's feed in 60 s");
        System.out.printf(
                "first path: need %s answered 201, its event in the feed after %.1f s (%.1f s from the" + " request)%n",
                need, seconds, (System.nanoTime() - started) / 1e9);
        int anonymous = post(null, "Senza token").statusCode();
        check(anonymous == 401, "a need without a token answered " + anonymous);
        int viewer =
                post(tokens.forUser("viewer", "viewer"), "Da un osservatore").statusCode();
        check(viewer == 403, "a viewer's need answered " + viewer);
        System.out.printf("first path: without a token %d, as a viewer %d%n", anonymous, viewer);
    }

    /**
     * 8 clients submit {@code writes} needs, a write a second each (about 25 s for 200); after a quarter
     * of them the kill command runs, and the writes go on while the service restarts and after. Each write
     * answered 201 must have exactly one event in the feed once the service is back.
     */
    private void killDuringBurst(String kill, int writes) throws Exception {
        String officer = tokens.forUser("officer-siena", "officer-siena");
        Map<String, Integer> answers = new ConcurrentHashMap<>();
        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        AtomicInteger sent = new AtomicInteger();
        long[] killedAt = new long[1];
        ExecutorService clients = Executors.newFixedThreadPool(8);
        String title = "Raffica " + UUID.randomUUID().toString().substring(0, 8);
        for (int i = 0; i < writes; i++) {
            clients.submit(() -> {
                int n = sent.incrementAndGet();
                if (n == writes / 4) {
                    killedAt[0] = System.nanoTime();
                    run(kill);
                }
                try {
                    HttpResponse<String> r = post(officer, title);
                    answers.merge(Integer.toString(r.statusCode()), 1, Integer::sum);
                    if (r.statusCode() == 201) {
                        acknowledged.add(JSON.readTree(r.body()).path("id").asText());
                    }
                } catch (IOException e) {
                    answers.merge("no answer", 1, Integer::sum);
                }
                pause(1000); // 8 clients, a write a second each: the burst outlasts the service's restart
                return null;
            });
        }
        clients.shutdown();
        clients.awaitTermination(10, TimeUnit.MINUTES);
        double recovered = awaitServiceBack(officer, killedAt[0]);
        double caughtUp = awaitInFeed(acknowledged, officer, Duration.ofMinutes(3));
        Map<String, Integer> events = eventsInFeed(officer, acknowledged);
        long lost = acknowledged.stream().filter(id -> !events.containsKey(id)).count();
        long duplicated = events.values().stream().filter(n -> n > 1).count();
        System.out.printf(
                "kill during burst: %d writes, answers %s; participation killed with SIGKILL after %d;"
                        + " answering again %.1f s after the kill; %d needs answered 201, in the feed: %d, lost: %d,"
                        + " duplicated: %d (feed complete %.1f s after the service was back)%n",
                writes, answers, writes / 4, recovered, acknowledged.size(), events.size(), lost, duplicated, caughtUp);
        check(recovered >= 0, "the participation service did not come back within 3 minutes");
        check(lost == 0, lost + " need(s) answered 201 have no event in the feed");
        check(duplicated == 0, duplicated + " need(s) have more than one event in the feed");
    }

    /** Seconds from the kill until the service answers through the gateway again, -1 after 3 minutes. */
    private double awaitServiceBack(String token, long killedAt) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
        while (System.nanoTime() < deadline) {
            try {
                if (get(token, "/v1/participation/themes").statusCode() == 200) {
                    return (System.nanoTime() - killedAt) / 1e9;
                }
            } catch (IOException e) {
                // not yet
            }
            Thread.sleep(250);
        }
        return -1;
    }

    /**
     * What the platform answers, as the restore drill compares it before the backup and after the restore:
     * the needs the participation service lists, and the need events in the gateway's feed.
     */
    private String census() throws Exception {
        String admin = tokens.forUser("admin", "admin");
        HttpResponse<String> needs = get(admin, "/v1/participation/needs?limit=1");
        if (needs.statusCode() != 200) {
            throw new IllegalStateException("the needs answered " + needs.statusCode() + ": " + needs.body());
        }
        Map<String, Integer> events = eventsInFeed(admin, null);
        int total = events.values().stream().mapToInt(Integer::intValue).sum();
        return "census: needs " + JSON.readTree(needs.body()).path("total").asLong() + ", need events in the feed "
                + total + " (" + events.size() + " distinct)";
    }

    /** One need by Siena's officer (the restore drill writes it while Kafka is down); its id. */
    private String writeOne() throws Exception {
        HttpResponse<String> created = post(tokens.forUser("officer-siena", "officer-siena"), "Durante il backup");
        if (created.statusCode() != 201) {
            throw new IllegalStateException("the need answered " + created.statusCode() + ": " + created.body());
        }
        return JSON.readTree(created.body()).path("id").asText();
    }

    /** Seconds until every need has an event in the feed, -1 at the time-out. */
    private double awaitInFeed(Set<String> needs, String token, Duration timeout) throws Exception {
        long start = System.nanoTime();
        while (!eventsInFeed(token, needs).keySet().containsAll(needs)) {
            if (System.nanoTime() - start > timeout.toNanos()) {
                return -1;
            }
            Thread.sleep(500);
        }
        return (System.nanoTime() - start) / 1e9;
    }

    /** How many need-submitted events the feed holds per need (among the needs given, or all), following the cursor. */
    private Map<String, Integer> eventsInFeed(String token, Set<String> needs) throws Exception {
        Map<String, Integer> counts = new HashMap<>();
        String cursor = null;
        do {
            String path = "/v1/activity?limit=100&type=" + NEED_SUBMITTED
                    + (cursor == null ? "" : "&cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8));
            HttpResponse<String> page = get(token, path);
            if (page.statusCode() != 200) {
                throw new IllegalStateException("the feed answered " + page.statusCode() + ": " + page.body());
            }
            JsonNode body = JSON.readTree(page.body());
            for (JsonNode item : body.path("items")) {
                if (needs == null || needs.contains(item.path("subject").asText())) {
                    counts.merge(item.path("subject").asText(), 1, Integer::sum);
                }
            }
            cursor = body.path("nextCursor").isTextual()
                    ? body.path("nextCursor").asText()
                    : null;
        } while (cursor != null);
        return counts;
    }

    private HttpResponse<String> post(String token, String title) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(gateway + "/v1/participation/needs"))
                .timeout(Duration.ofSeconds(15))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("""
                        {"title":"%s","description":"Prova nei container","theme":"GOVERNANCE","municipalities":["052032"]}""".formatted(title)));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String token, String path) throws IOException, InterruptedException {
        return HTTP.send(
                HttpRequest.newBuilder(URI.create(gateway + path))
                        .timeout(Duration.ofSeconds(15))
                        .header("Authorization", "Bearer " + token)
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private void check(boolean condition, String failure) {
        if (!condition) {
            failures.add(failure);
        }
    }

    private static void run(String command) {
        try {
            Process p = new ProcessBuilder("bash", "-c", command).inheritIO().start();
            p.waitFor(30, TimeUnit.SECONDS);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
