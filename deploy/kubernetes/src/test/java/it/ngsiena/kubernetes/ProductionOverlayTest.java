package it.ngsiena.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import it.ngsiena.contracts.TopicRetention;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What the production overlay asks of the cluster beyond its custom resources' schemas: one namespace, a
 * NetworkPolicy for every component behind a default deny, no ServiceAccount tokens, the database over
 * verified TLS, replicas spread over nodes, synchronous replication, the realm's redirects from the overlay,
 * topics kept for ever, and the secrets CloudNativePG needs in the form it needs them.
 */
class ProductionOverlayTest {

    private static final Path PRODUCTION = Path.of("").toAbsolutePath().resolve("overlays/production");
    private static List<JsonNode> objects;

    @BeforeAll
    static void render() throws Exception {
        objects = RenderedManifests.render(PRODUCTION);
    }

    @Test
    void everythingLivesInTheNamespaceNgs() {
        assertThat(of("Namespace"))
                .singleElement()
                .satisfies(n -> assertThat(name(n)).isEqualTo("ngs"));
        assertThat(objects.stream().filter(o -> !kind(o).equals("Namespace")))
                .allSatisfy(o -> assertThat(o.path("metadata").path("namespace").asText())
                        .as(kind(o) + "/" + name(o))
                        .isEqualTo("ngs"));
    }

    @Test
    void everyComponentIsBehindADefaultDenyWithItsOwnNetworkPolicy() {
        List<JsonNode> policies = of("NetworkPolicy");
        assertThat(policies)
                .anyMatch(p -> p.path("spec").path("podSelector").isEmpty()
                        && p.path("spec").path("ingress").isMissingNode());
        for (JsonNode deployment : of("Deployment")) {
            Map<String, String> labels = labels(deployment.path("spec").path("template"));
            assertThat(policies)
                    .as("a policy admits callers to the API of " + name(deployment))
                    .anyMatch(p -> admitsOnItsApiPort(p) && selects(p, labels));
        }
        assertThat(policies).as("the database").anyMatch(p -> selects(p, Map.of("cnpg.io/cluster", "ngs-db")));
        assertThat(policies).as("Keycloak").anyMatch(p -> selects(p, Map.of("app", "keycloak")));
        JsonNode listener =
                of("Kafka").get(0).path("spec").path("kafka").path("listeners").get(0);
        assertThat(listener.path("networkPolicyPeers")
                        .get(0)
                        .path("podSelector")
                        .path("matchLabels"))
                .as("Strimzi's policy for the listener admits the platform's pods only")
                .hasToString("{\"app.kubernetes.io/part-of\":\"ngs-platform\"}");
        assertThat(of("Ingress"))
                .singleElement()
                .satisfies(i -> assertThat(i.path("spec")
                                .path("tls")
                                .get(0)
                                .path("secretName")
                                .asText())
                        .isEqualTo("ngs-gateway-tls"));
    }

    @Test
    void podsCarryNoTokenReachTheDatabaseOverVerifiedTlsAndSpreadOverNodes() {
        JsonNode config = of("ConfigMap").stream()
                .filter(c -> name(c).startsWith("ngs-platform"))
                .findFirst()
                .orElseThrow();
        config.path("data").properties().forEach(entry -> {
            if (entry.getKey().startsWith("JDBC_URL_")) {
                assertThat(entry.getValue().asText())
                        .as(entry.getKey())
                        .contains("sslmode=verify-full")
                        .contains("sslrootcert=/etc/ngs/db-ca/ca.crt");
            }
        });
        for (JsonNode deployment : of("Deployment")) {
            JsonNode pod = deployment.path("spec").path("template").path("spec");
            assertThat(pod.path("automountServiceAccountToken").asBoolean(true))
                    .as(name(deployment))
                    .isFalse();
            assertThat(pod.path("containers").get(0).path("volumeMounts").toString())
                    .as(name(deployment))
                    .contains("/etc/ngs/db-ca");
            assertThat(pod.path("volumes").toString()).contains("ngs-db-ca");
            JsonNode spread = pod.path("topologySpreadConstraints").get(0);
            assertThat(spread).as(name(deployment)).isNotNull();
            assertThat(spread.path("topologyKey").asText()).isEqualTo("kubernetes.io/hostname");
            assertThat(spread.path("whenUnsatisfiable").asText()).isEqualTo("DoNotSchedule");
            assertThat(spread.path("labelSelector")
                            .path("matchLabels")
                            .path("app.kubernetes.io/name")
                            .asText())
                    .isEqualTo(name(deployment));
        }
        JsonNode pool = of("KafkaNodePool").get(0);
        assertThat(pool.path("spec")
                        .path("template")
                        .path("pod")
                        .path("topologySpreadConstraints")
                        .get(0)
                        .path("topologyKey")
                        .asText())
                .isEqualTo("kubernetes.io/hostname");
    }

    @Test
    void theDatabaseLosesNoAcknowledgedWriteInAFailOver() {
        JsonNode cluster = of("Cluster").get(0).path("spec");
        assertThat(cluster.path("instances").asInt()).isEqualTo(3);
        JsonNode synchronous = cluster.path("postgresql").path("synchronous");
        assertThat(synchronous.path("number").asInt()).isGreaterThanOrEqualTo(1);
        assertThat(synchronous.path("dataDurability").asText()).isEqualTo("required");
        assertThat(cluster.path("affinity").path("podAntiAffinityType").asText())
                .isEqualTo("required");
    }

    @Test
    void keycloakStartsTheStockImageUnoptimisedAndTheRealmRedirectsToTheOverlaysFrontend() {
        JsonNode keycloak = of("Keycloak").get(0).path("spec");
        if (keycloak.has("image")) {
            assertThat(keycloak.path("startOptimized").isBoolean())
                    .as("an image of one's own says whether it was built for these options")
                    .isTrue();
        }
        JsonNode realmImport = of("KeycloakRealmImport").get(0).path("spec");
        JsonNode frontend = StreamSupport.stream(
                        realmImport.path("realm").path("clients").spliterator(), false)
                .filter(c -> c.path("clientId").asText().equals("ngs-frontend"))
                .findFirst()
                .orElseThrow();
        assertThat(frontend.path("redirectUris").toString())
                .doesNotContain("127.0.0.1")
                .doesNotContain("localhost")
                .contains("${FRONTEND_URL}");
        JsonNode secretRef =
                realmImport.path("placeholders").path("FRONTEND_URL").path("secret");
        JsonNode secret = of("Secret").stream()
                .filter(s -> name(s).equals(secretRef.path("name").asText()))
                .findFirst()
                .orElseThrow(() -> new AssertionError("the placeholder's secret is not in the overlay"));
        String url = new String(
                Base64.getDecoder()
                        .decode(secret.path("data")
                                .path(secretRef.path("key").asText())
                                .asText()),
                StandardCharsets.UTF_8);
        assertThat(url).startsWith("https://");
    }

    @Test
    void workstreamTopicsKeepEveryEventAndDeadLettersAYear() {
        assertThat(of("KafkaTopic").stream()
                        .map(t -> t.path("spec").path("topicName").asText()))
                .containsExactlyInAnyOrderElementsOf(
                        TopicRetention.ofEveryTopic().keySet());
        for (JsonNode topic : of("KafkaTopic")) {
            String name = topic.path("spec").path("topicName").asText();
            String retention =
                    topic.path("spec").path("config").path("retention.ms").asText();
            assertThat(retention)
                    .as(name)
                    .isEqualTo(name.endsWith(".dlq") ? TopicRetention.DEAD_LETTERS : TopicRetention.KEPT_FOR_EVER);
        }
    }

    @Test
    void theSecretsScriptMakesWhatCloudNativePgRequires() throws Exception {
        Process script = new ProcessBuilder(
                        PRODUCTION.resolve("create-secrets.sh").toString())
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        String yaml = new String(script.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(script.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(script.exitValue()).isZero();
        Map<String, JsonNode> secrets =
                RenderedManifests.parse(yaml).stream().collect(Collectors.toMap(ProductionOverlayTest::name, s -> s));
        JsonNode roles = of("Cluster").get(0).path("spec").path("managed").path("roles");
        assertThat(roles).isNotEmpty();
        for (JsonNode role : roles) {
            JsonNode secret =
                    secrets.get(role.path("passwordSecret").path("name").asText());
            assertThat(secret)
                    .as("the secret of role " + role.path("name").asText())
                    .isNotNull();
            assertThat(secret.path("type").asText()).isEqualTo("kubernetes.io/basic-auth");
            assertThat(secret.path("metadata")
                            .path("labels")
                            .path("cnpg.io/reload")
                            .asText())
                    .isEqualTo("true");
            assertThat(secret.path("metadata").path("namespace").asText()).isEqualTo("ngs");
            assertThat(decoded(secret, "username")).isEqualTo(role.path("name").asText());
            assertThat(decoded(secret, "password")).hasSizeGreaterThanOrEqualTo(24);
        }
        assertThat(decoded(secrets.get("ngs-webhook-keys"), "keys")).matches("\\d{4}-\\d{2}=[A-Za-z0-9+/]{43}=");
    }

    private static String decoded(JsonNode secret, String key) {
        return new String(
                Base64.getDecoder().decode(secret.path("data").path(key).asText()), StandardCharsets.UTF_8);
    }

    private static boolean admitsOnItsApiPort(JsonNode policy) {
        for (JsonNode rule : policy.path("spec").path("ingress")) {
            for (JsonNode port : rule.path("ports")) {
                if (port.path("port").asText().equals("http")
                        && !rule.path("from").isEmpty()) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Whether the policy's pod selector (matchLabels and In expressions) picks pods with these labels. */
    private static boolean selects(JsonNode policy, Map<String, String> labels) {
        JsonNode selector = policy.path("spec").path("podSelector");
        if (selector.isEmpty()) {
            return false;
        }
        for (var wanted : selector.path("matchLabels").properties()) {
            if (!wanted.getValue().asText().equals(labels.get(wanted.getKey()))) {
                return false;
            }
        }
        for (JsonNode expression : selector.path("matchExpressions")) {
            String value = labels.get(expression.path("key").asText());
            boolean listed = StreamSupport.stream(expression.path("values").spliterator(), false)
                    .anyMatch(v -> v.asText().equals(value));
            if (!expression.path("operator").asText().equals("In") || !listed) {
                return false;
            }
        }
        return true;
    }

    private static Map<String, String> labels(JsonNode template) {
        return template.path("metadata").path("labels").properties().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().asText()));
    }

    private static List<JsonNode> of(String kind) {
        return objects.stream().filter(o -> kind(o).equals(kind)).toList();
    }

    private static String kind(JsonNode object) {
        return object.path("kind").asText();
    }

    private static String name(JsonNode object) {
        return object.path("metadata").path("name").asText();
    }
}
