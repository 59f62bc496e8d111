package it.ngsiena.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import it.ngsiena.contracts.Workstream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Renders every overlay with {@code kubectl kustomize} (as an operator would before applying it) and
 * checks each container it would run (see {@link ContainerRules}).
 */
class KubernetesManifestsTest {

    private static final Path HERE = Path.of("").toAbsolutePath();
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final List<String> PLATFORM = Stream.concat(
                    Arrays.stream(Workstream.values()).map(Workstream::id), Stream.of("gateway"))
            .toList();

    @ParameterizedTest
    @ValueSource(strings = {"base", "overlays/single-node", "overlays/production"})
    void everyContainerHasProbesLimitsANonRootUserAndAParameterisedImage(String kustomization) throws Exception {
        List<JsonNode> objects = RenderedManifests.render(HERE.resolve(kustomization));
        assertThat(ContainerRules.problems(objects, images(HERE.resolve(kustomization))))
                .isEmpty();
        for (String service : PLATFORM) {
            assertThat(objects)
                    .as(service + " is deployed")
                    .anyMatch(o -> o.path("kind").asText().equals("Deployment")
                            && o.path("metadata").path("name").asText().equals(service));
        }
    }

    @Test
    void productionRunsTwoReplicasOfEveryServiceAndTheOperatorsInfrastructure() throws Exception {
        List<JsonNode> objects = RenderedManifests.render(HERE.resolve("overlays/production"));
        objects.stream()
                .filter(o -> o.path("kind").asText().equals("Deployment"))
                .forEach(d -> assertThat(d.path("spec").path("replicas").asInt())
                        .as(d.path("metadata").path("name").asText())
                        .isEqualTo(2));
        assertThat(objects.stream().map(o -> o.path("kind").asText()).toList())
                .contains(
                        "Kafka",
                        "KafkaNodePool",
                        "KafkaTopic",
                        "KafkaUser",
                        "Cluster",
                        "Database",
                        "ScheduledBackup",
                        "Keycloak",
                        "KeycloakRealmImport",
                        "PodDisruptionBudget");
    }

    /**
     * A service's Kafka user writes its own topic and the dead-letter topics of what it reads, and nothing
     * else: with write access to another workstream's topic it could put events there in that workstream's
     * name (the consumers would refuse them as foreign, but nothing should be able to try).
     */
    @Test
    void eachKafkaUserWritesOnlyItsOwnTopicAndDeadLetterTopics() throws Exception {
        List<JsonNode> objects = RenderedManifests.render(HERE.resolve("overlays/production"));
        List<JsonNode> users = objects.stream()
                .filter(o -> o.path("kind").asText().equals("KafkaUser"))
                .toList();
        assertThat(users).hasSize(PLATFORM.size());
        for (JsonNode user : users) {
            String name = user.at("/metadata/name").asText();
            String own = name.equals("ngs-gateway") ? "ngs.programme.v1" : "ngs." + name.substring(4) + ".v1";
            for (JsonNode acl : user.at("/spec/authorization/acls")) {
                String topic = acl.at("/resource/name").asText();
                boolean writes = StreamSupport.stream(acl.path("operations").spliterator(), false)
                        .anyMatch(o -> o.asText().equals("Write") || o.asText().equals("All"));
                if (acl.at("/resource/type").asText().equals("topic") && writes) {
                    assertThat(topic.equals(own) || topic.endsWith(".dlq"))
                            .as(name + " may write to " + topic)
                            .isTrue();
                }
            }
        }
    }

    @Test
    void theRulesCatchAContainerWithoutAProbeALimitOrANonRootUser() throws Exception {
        Path base = HERE.resolve("base");
        for (String removed : List.of("livenessProbe", "resources", "securityContext")) {
            List<JsonNode> objects = RenderedManifests.render(base);
            JsonNode gateway = objects.stream()
                    .filter(o -> o.path("kind").asText().equals("Deployment")
                            && o.path("metadata").path("name").asText().equals("gateway"))
                    .findFirst()
                    .orElseThrow();
            ObjectNode pod = (ObjectNode) gateway.path("spec").path("template").path("spec");
            ((ObjectNode) pod.path("containers").get(0)).remove(removed);
            if (removed.equals("securityContext")) {
                pod.remove("securityContext");
            }
            assertThat(ContainerRules.problems(objects, images(base)))
                    .as("without " + removed)
                    .isNotEmpty()
                    .allMatch(p -> p.contains("gateway"));
        }
    }

    @Test
    void anImageByShortNameIsCaughtForItWouldComeFromDockerHub() {
        assertThat(ContainerRules.namesItsRegistry("ngs/gateway:1.0")).isFalse();
        assertThat(ContainerRules.namesItsRegistry("postgres:16")).isFalse();
        assertThat(ContainerRules.namesItsRegistry("localhost/ngs/gateway:1.0")).isTrue();
        assertThat(ContainerRules.namesItsRegistry("registry.example.invalid/ngs/gateway:1.0"))
                .isTrue();
        assertThat(ContainerRules.namesItsRegistry("registry:5000/ngs/gateway:1.0"))
                .isTrue();
    }

    @Test
    void theProductionRealmHasThePlatformsClientsAndRolesButNoUsersOrSecrets() throws Exception {
        JsonNode demo = new ObjectMapper()
                .readTree(HERE.resolve("../keycloak/ngs-realm.json").toFile());
        JsonNode realm = YAML.readTree(
                        HERE.resolve("overlays/production/realm-import.yaml").toFile())
                .path("spec")
                .path("realm");
        assertThat(ids(realm.path("clients"), "clientId"))
                .as("regenerate with make-realm-import.py")
                .isEqualTo(ids(demo.path("clients"), "clientId"));
        assertThat(ids(realm.path("roles").path("realm"), "name"))
                .isEqualTo(ids(demo.path("roles").path("realm"), "name"));
        assertThat(realm.path("clients").findValues("secret")).isEmpty();
        assertThat(ids(realm.path("users"), "username")).allMatch(u -> u.startsWith("service-account-"));
        assertThat(realm.path("sslRequired").asText()).isEqualTo("external");
    }

    private static Set<String> ids(JsonNode array, String field) {
        Set<String> ids = new HashSet<>();
        StreamSupport.stream(array.spliterator(), false)
                .forEach(n -> ids.add(n.path(field).asText()));
        return ids;
    }

    /** The image names (with a colon: a tag must follow) that a kustomization and the ones it builds on set. */
    private static Set<String> images(Path kustomization) throws Exception {
        Set<String> names = new HashSet<>();
        Path dir = kustomization;
        while (dir != null && Files.exists(dir.resolve("kustomization.yaml"))) {
            JsonNode k = YAML.readTree(dir.resolve("kustomization.yaml").toFile());
            for (JsonNode image : k.path("images")) {
                names.add((image.has("newName") ? image.path("newName") : image.path("name")).asText() + ":");
            }
            dir = baseOf(dir, k);
        }
        return names;
    }

    /** The kustomization this one builds on (a directory among its resources), if any. */
    private static Path baseOf(Path dir, JsonNode kustomization) {
        for (JsonNode resource : kustomization.path("resources")) {
            Path candidate = dir.resolve(resource.asText()).normalize();
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        return null;
    }
}
