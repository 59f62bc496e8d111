package it.ngsiena.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The custom resources of every overlay, checked against the CRDs of the operators they are written for
 * (Strimzi 1.2.0, CloudNativePG 1.30.0, the Keycloak operator; {@code crds/README.md}): a version the operator
 * no longer serves, a field its schema does not know or a value it refuses would stop {@code kubectl apply}.
 */
class OperatorResourcesTest {

    private static final Path HERE = Path.of("").toAbsolutePath();
    private static OperatorSchemas operators;

    @BeforeAll
    static void loadTheOperatorsSchemas() throws Exception {
        operators = OperatorSchemas.load(HERE.resolve("crds"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"overlays/single-node", "overlays/production"})
    void everyCustomResourceIsOneTheOperatorsAccept(String kustomization) throws Exception {
        List<String> problems = new ArrayList<>();
        for (JsonNode object : RenderedManifests.render(HERE.resolve(kustomization))) {
            if (operators.governs(object)) {
                problems.addAll(operators.problems(object));
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void theCheckCatchesAnUnservedVersionAnUnknownFieldAndAWrongValue() throws Exception {
        List<JsonNode> wrong = RenderedManifests.parse("""
                apiVersion: kafka.strimzi.io/v1beta2
                kind: KafkaTopic
                metadata: {name: old}
                spec: {partitions: 1, replicas: 3}
                ---
                apiVersion: kafka.strimzi.io/v1
                kind: KafkaTopic
                metadata: {name: unknown-field}
                spec: {partitions: 1, replicas: 3, retentionMs: -1}
                ---
                apiVersion: postgresql.cnpg.io/v1
                kind: Cluster
                metadata: {name: wrong-value}
                spec: {instances: "three", storage: {size: 1Gi}}
                """);
        assertThat(operators.problems(wrong.get(0)))
                .singleElement(org.assertj.core.api.InstanceOfAssertFactories.STRING)
                .contains("no matches for kind \"KafkaTopic\" in version \"kafka.strimzi.io/v1beta2\"");
        assertThat(operators.problems(wrong.get(1))).anyMatch(p -> p.contains("retentionMs"));
        assertThat(operators.problems(wrong.get(2))).anyMatch(p -> p.contains("instances"));
    }
}
