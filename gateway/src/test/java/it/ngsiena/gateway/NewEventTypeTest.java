package it.ngsiena.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import it.ngsiena.contracts.EventCatalog;
import it.ngsiena.contracts.EventSchema;
import it.ngsiena.contracts.EventType;
import it.ngsiena.contracts.Readers;
import it.ngsiena.contracts.Visibility;
import it.ngsiena.contracts.Workstream;
import it.ngsiena.gateway.asyncapi.AsyncApiDocument;
import it.ngsiena.kernel.events.IncomingEvent;
import it.ngsiena.kernel.inbox.TypedEventHandler;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * What a new event type takes: its record, its schema (here under src/test/resources/schemas) and its line
 * in the catalogue; nothing else is written for it. The schema check, the AsyncAPI document, the readers
 * and a typed handler all take it from the catalogue.
 */
class NewEventTypeTest {

    /** The test's own type: a training event no service publishes. */
    public record ProbeRecorded(UUID probeId, String municipality, int readings, OffsetDateTime recordedAt) {
        public static final String TYPE = "it.ngsiena.training.probe.recorded.v1";
    }

    private static final EventCatalog CATALOG =
            EventCatalog.PLATFORM.with(EventType.of(ProbeRecorded.class, "probe", Visibility.PERSONAL));

    @Test
    void theCatalogueReadsItsSourceAggregateAndVersionFromTheName() {
        EventType probe = CATALOG.require(ProbeRecorded.class);
        assertThat(probe.source()).isEqualTo(Workstream.TRAINING);
        assertThat(probe.aggregate()).isEqualTo("probe");
        assertThat(probe.version()).isEqualTo(1);
        assertThat(EventCatalog.PLATFORM.of(ProbeRecorded.class)).isEmpty();
    }

    @Test
    void theSchemaCheckPicksItUp() {
        assertThat(EventSchema.mismatches(CATALOG.require(ProbeRecorded.class))).isEmpty();
        assertThat(CATALOG.types())
                .allSatisfy(type ->
                        assertThat(EventSchema.mismatches(type)).as(type.name()).isEmpty());
    }

    @Test
    void theAsyncApiDocumentPicksItUpOnItsWorkstreamsChannel() {
        JsonNode doc = AsyncApiDocument.build(CATALOG);
        String key = ProbeRecorded.TYPE.replace('.', '-');
        JsonNode message = doc.at("/components/messages/" + key);
        assertThat(message.at("/payload/properties/type/const").asText()).isEqualTo(ProbeRecorded.TYPE);
        assertThat(message.at("/payload/properties/source/const").asText()).isEqualTo("/training-service");
        assertThat(message.at("/payload/properties/data/required"))
                .extracting(JsonNode::asText)
                .containsExactly("probeId", "municipality", "readings", "recordedAt");
        assertThat(message.get("x-visibility").asText()).isEqualTo("PERSONAL");
        assertThat(message.get("x-aggregate").asText()).isEqualTo("probe");
        assertThat(doc.at("/channels/training/messages/" + key + "/$ref").asText())
                .isEqualTo("#/components/messages/" + key);
        assertThat(doc.at("/operations/publish-training/messages").toString()).contains(key);
        assertThat(AsyncApiDocument.build().at("/components/messages").has(key)).isFalse();
    }

    @Test
    void itsReadersFollowItsVisibilityAndAHandlerReceivesItsRecord() throws Exception {
        assertThat(CATALOG.readers(ProbeRecorded.TYPE, List.of("052032"), null))
                .containsExactlyInAnyOrder(
                        Readers.ADMIN, Readers.partner(Workstream.TRAINING), Readers.officer("052032"));

        List<ProbeRecorded> received = new ArrayList<>();
        TypedEventHandler handler = new TypedEventHandler(CATALOG) {
            {
                on(ProbeRecorded.class, (event, probe) -> received.add(probe));
            }
        };
        handler.handle(new IncomingEvent(
                "e-1",
                ProbeRecorded.TYPE,
                "/training-service",
                "p-1",
                OffsetDateTime.now(),
                Workstream.TRAINING.topic(),
                new ObjectMapper().readTree("""
                        {"probeId":"7f1c3a52-3a8e-4d35-9f0e-2b0c8a4d9e11","municipality":"052032","readings":3,
                         "recordedAt":"2026-12-01T09:00:00Z"}""")));
        assertThat(received).extracting(ProbeRecorded::readings).containsExactly(3);
    }
}
