package it.ngsiena.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import it.ngsiena.contracts.EventCatalog;
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
        assertThat(doc.get("asyncapi").asText()).isEqualTo("3.0.0");
        JsonNode messages = doc.at("/components/messages");
        for (String type : EventCatalog.TYPES.keySet()) {
            JsonNode message = messages.get(type.replace('.', '-'));
            assertThat(message).as(type).isNotNull();
            assertThat(message.at("/payload/properties/type/const").asText()).isEqualTo(type);
            assertThat(message.at("/payload/properties/data/properties").size()).as(type).isPositive();
        }
        assertThat(messages.size()).isEqualTo(EventCatalog.TYPES.size());
        assertThat(doc.at("/channels/feasibility/address").asText()).isEqualTo("ngs.feasibility.v1");
        assertThat(doc.at("/operations/publish-comms/messages").size()).isEqualTo(6);
    }

    @Test
    void docsHoldsTheCurrentDocument() throws Exception {
        String current = JSON.writeValueAsString(AsyncApiDocument.build()) + "\n";
        Files.writeString(Path.of("target/asyncapi.json"), current);
        Path kept = Path.of("../docs/asyncapi.json");
        assertThat(Files.exists(kept) ? Files.readString(kept) : "")
                .as("docs/asyncapi.json is out of date: copy gateway/target/asyncapi.json there").isEqualTo(current);
    }
}
