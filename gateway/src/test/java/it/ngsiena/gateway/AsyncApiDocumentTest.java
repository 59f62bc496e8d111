package it.ngsiena.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import it.ngsiena.contracts.EventCatalog;
import it.ngsiena.contracts.EventType;
import it.ngsiena.gateway.asyncapi.AsyncApiDocument;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The AsyncAPI document holds every catalogued event type, and docs/asyncapi.json is the same document. */
class AsyncApiDocumentTest {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    @Test
    void everyEventTypeIsInTheDocumentWithItsSchema() throws Exception {
        JsonNode doc = AsyncApiDocument.build();
        assertThat(doc.get("asyncapi").asText()).isEqualTo("3.1.0");
        JsonNode messages = doc.at("/components/messages");
        for (String type :
                EventCatalog.PLATFORM.types().stream().map(EventType::name).toList()) {
            JsonNode message = messages.get(type.replace('.', '-'));
            assertThat(message).as(type).isNotNull();
            assertThat(message.at("/payload/properties/type/const").asText()).isEqualTo(type);
            assertThat(message.at("/payload/properties/data/properties").size())
                    .as(type)
                    .isPositive();
        }
        assertThat(messages.size())
                .as("every event type, and the dead letter")
                .isEqualTo(EventCatalog.PLATFORM.types().size() + 1);
        assertThat(doc.at("/channels/feasibility/address").asText()).isEqualTo("ngs.feasibility.v1");
        assertThat(doc.at("/operations/publish-comms/messages").size()).isEqualTo(6);
    }

    @Test
    void theKafkaSideIsDocumentedKeysHeadersDeadLettersAndTheSecuredCluster() {
        JsonNode doc = AsyncApiDocument.build();
        assertThat(doc.at("/channels/participation/bindings/kafka/topic").asText())
                .isEqualTo("ngs.participation.v1");
        JsonNode submitted = doc.at("/components/messages/it-ngsiena-participation-need-submitted-v1");
        assertThat(submitted.at("/bindings/kafka/key/type").asText()).isEqualTo("string");
        assertThat(submitted.at("/headers/properties/traceparent/pattern").asText())
                .startsWith("^00-");
        assertThat(doc.at("/channels/participation-dlq/address").asText()).isEqualTo("ngs.participation.v1.dlq");
        assertThat(doc.at("/components/messages/dead-letter/headers/properties").has("ngs-dlq-reason"))
                .isTrue();
        assertThat(doc.at("/servers/production/protocol").asText()).isEqualTo("kafka-secure");
        assertThat(doc.at("/components/securitySchemes/scram/type").asText()).isEqualTo("scramSha512");
    }

    @Test
    void docsHoldsTheCurrentDocument() throws Exception {
        String current = JSON.writeValueAsString(AsyncApiDocument.build()) + "\n";
        Files.writeString(Path.of("target/asyncapi.json"), current);
        Path kept = Path.of("../docs/asyncapi.json");
        assertThat(Files.exists(kept) ? Files.readString(kept) : "")
                .as("docs/asyncapi.json is out of date: copy gateway/target/asyncapi.json there")
                .isEqualTo(current);
    }
}
