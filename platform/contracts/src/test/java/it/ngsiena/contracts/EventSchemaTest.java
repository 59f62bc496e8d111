package it.ngsiena.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import it.ngsiena.contracts.participation.NeedSubmitted;
import java.io.InputStream;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Each payload record and its JSON Schema must describe the same fields. */
class EventSchemaTest {

    private final ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    @Test
    void needSubmittedMatchesItsSchema() throws Exception {
        var event = new NeedSubmitted(UUID.randomUUID(), "Shared digital desk", "DIGITAL_TRANSITION",
                List.of("052032"), "ONLINE", OffsetDateTime.of(2022, 3, 24, 10, 0, 0, 0, ZoneOffset.UTC));

        JsonNode schema = schema(NeedSubmitted.TYPE);
        JsonNode written = json.valueToTree(event);

        assertThat(fieldNames(written)).containsExactlyInAnyOrderElementsOf(fieldNames(schema.get("properties")));
        schema.get("required").forEach(r -> assertThat(written.get(r.asText()).isNull()).isFalse());
        assertThat(written.get("submittedAt").asText()).isEqualTo("2022-03-24T10:00:00Z");
    }

    @Test
    void everyCatalogedTypeHasASchemaWithTheFieldsOfItsRecord() throws Exception {
        assertThat(EventCatalog.TYPES).hasSize(39);
        for (var entry : EventCatalog.TYPES.entrySet()) {
            JsonNode schema = schema(entry.getKey());
            List<String> fields = java.util.Arrays.stream(entry.getValue().getRecordComponents())
                    .map(java.lang.reflect.RecordComponent::getName).toList();
            assertThat(fieldNames(schema.get("properties"))).as(entry.getKey())
                    .containsExactlyInAnyOrderElementsOf(fields);
            schema.get("required").forEach(r -> assertThat(fields).as(entry.getKey()).contains(r.asText()));
            assertThat(entry.getValue().getField("TYPE").get(null)).isEqualTo(entry.getKey());
            assertThat(EventSource.ofEventType(entry.getKey())).as(entry.getKey()).isPresent();
        }
    }

    @Test
    void noPayloadCarriesPersonalData() {
        for (var type : EventCatalog.TYPES.values()) {
            for (var component : type.getRecordComponents()) {
                assertThat(component.getName().toLowerCase()).as(type.getSimpleName())
                        .doesNotContain("email").doesNotContain("firstname").doesNotContain("lastname")
                        .doesNotContain("givenname").doesNotContain("familyname").doesNotContain("facilitator")
                        .isNotEqualTo("name");
            }
        }
    }

    @Test
    void workstreamNamesTopicsAndSources() {
        assertThat(Workstream.PARTICIPATION.topic()).isEqualTo("ngs.participation.v1");
        assertThat(Workstream.PARTICIPATION.deadLetterTopic()).isEqualTo("ngs.participation.v1.dlq");
        assertThat(Workstream.TRAINING.source()).isEqualTo("/training-service");
        assertThat(Workstream.ofEventType(NeedSubmitted.TYPE)).contains(Workstream.PARTICIPATION);
        assertThat(Workstream.ofEventType("org.example.other")).isEmpty();
    }

    private JsonNode schema(String type) throws Exception {
        try (InputStream in = getClass().getResourceAsStream("/schemas/" + type + ".json")) {
            assertThat(in).as("schema for %s", type).isNotNull();
            return json.readTree(in);
        }
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
