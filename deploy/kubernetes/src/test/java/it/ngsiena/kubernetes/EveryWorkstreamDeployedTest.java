package it.ngsiena.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import it.ngsiena.contracts.Workstream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;

/**
 * The deployment files are written out per service, not generated from {@link Workstream}: these checks make
 * a workstream missing from one of them fail the build, naming the file (docs/contributing.md, "Add a
 * workstream").
 */
class EveryWorkstreamDeployedTest {

    private static final Path DEPLOY = Path.of("").toAbsolutePath().getParent();
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private static List<JsonNode> rendered(String kustomization) throws Exception {
        return RenderedManifests.render(DEPLOY.resolve("kubernetes").resolve(kustomization));
    }

    private static List<JsonNode> ofKind(List<JsonNode> objects, String kind) {
        return objects.stream()
                .filter(o -> o.path("kind").asText().equals(kind))
                .toList();
    }

    private static Set<String> gatewayVariables(List<JsonNode> objects) {
        JsonNode gateway = ofKind(objects, "Deployment").stream()
                .filter(d -> d.path("metadata").path("name").asText().equals("gateway"))
                .findFirst()
                .orElseThrow();
        return StreamSupport.stream(
                        gateway.at("/spec/template/spec/containers/0/env").spliterator(), false)
                .map(v -> v.path("name").asText())
                .collect(Collectors.toSet());
    }

    @Test
    void kubernetesDeploysEveryWorkstreamAndTellsTheGatewayWhereItIs() throws Exception {
        List<JsonNode> base = rendered("base");
        Set<String> deployments = ofKind(base, "Deployment").stream()
                .map(d -> d.path("metadata").path("name").asText())
                .collect(Collectors.toSet());
        Set<String> gateway = gatewayVariables(base);
        for (Workstream w : Workstream.values()) {
            assertThat(deployments).as("base: a Deployment of " + w.id()).contains(w.id());
            assertThat(gateway)
                    .as("base/gateway.yaml: the address of " + w.id())
                    .contains("NGS_GATEWAY_SERVICES_" + w.name(), "NGS_GATEWAY_SERVICES_" + w.name() + "_MANAGEMENT");
        }
    }

    @Test
    void productionHasEveryWorkstreamsTopicsKafkaUserAndDatabase() throws Exception {
        List<JsonNode> production = rendered("overlays/production");
        Set<String> topics = ofKind(production, "KafkaTopic").stream()
                .map(t -> t.at("/spec/topicName").asText())
                .collect(Collectors.toSet());
        Set<String> users = ofKind(production, "KafkaUser").stream()
                .map(u -> u.path("metadata").path("name").asText())
                .collect(Collectors.toSet());
        Set<String> databases = ofKind(production, "Database").stream()
                .map(d -> d.at("/spec/name").asText())
                .collect(Collectors.toSet());
        for (Workstream w : Workstream.values()) {
            assertThat(topics)
                    .as("production/kafka.yaml: the topics of " + w.id())
                    .contains(w.topic(), w.deadLetterTopic());
            assertThat(users)
                    .as("production/kafka.yaml: the Kafka user of " + w.id())
                    .contains("ngs-" + w.id());
            assertThat(databases)
                    .as("production/postgres.yaml: the database of " + w.id())
                    .contains(w.id());
        }
    }

    @Test
    void composeAndTheImageBuildHaveEveryWorkstream() throws Exception {
        JsonNode compose = YAML.readTree(DEPLOY.resolve("compose/compose.yaml").toFile());
        JsonNode gateway = compose.at("/services/gateway/environment");
        String images = Files.readString(DEPLOY.resolve("container/build-images.sh"));
        for (Workstream w : Workstream.values()) {
            assertThat(compose.at("/services").has(w.id()))
                    .as("compose.yaml: a service " + w.id())
                    .isTrue();
            assertThat(gateway.has("NGS_GATEWAY_SERVICES_" + w.name()))
                    .as("compose.yaml: the gateway's address of " + w.id())
                    .isTrue();
            assertThat(images).as("build-images.sh builds " + w.id()).contains(w.id() + "-service");
        }
    }
}
