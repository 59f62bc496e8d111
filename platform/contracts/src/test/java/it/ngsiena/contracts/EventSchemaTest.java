package it.ngsiena.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import it.ngsiena.contracts.participation.NeedPrioritised;
import it.ngsiena.contracts.participation.NeedSubmitted;
import it.ngsiena.contracts.probe.ProbeMisdescribed;
import it.ngsiena.contracts.training.AttendanceRecorded;
import it.ngsiena.contracts.training.CourseCreated;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Each payload record and its JSON Schema must describe the same fields. */
class EventSchemaTest {

    private final ObjectMapper json = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    @Test
    void needSubmittedMatchesItsSchema() throws Exception {
        var event = new NeedSubmitted(
                UUID.randomUUID(),
                "Shared digital desk",
                "DIGITAL_TRANSITION",
                List.of("052032"),
                "ONLINE",
                OffsetDateTime.of(2022, 3, 24, 10, 0, 0, 0, ZoneOffset.UTC));

        JsonNode schema = EventSchema.of(EventCatalog.PLATFORM.require(NeedSubmitted.class));
        JsonNode written = json.valueToTree(event);

        assertThat(fieldNames(written)).containsExactlyInAnyOrderElementsOf(fieldNames(schema.get("properties")));
        schema.get("required")
                .forEach(r -> assertThat(written.get(r.asText()).isNull()).isFalse());
        assertThat(written.get("submittedAt").asText()).isEqualTo("2022-03-24T10:00:00Z");
    }

    @Test
    void everyCatalogedTypeHasASchemaWithTheFieldsOfItsRecord() {
        for (EventType type : EventCatalog.PLATFORM.types()) {
            assertThat(EventSchema.mismatches(type)).as(type.name()).isEmpty();
            assertThat(type.source().typePrefix())
                    .isEqualTo("it.ngsiena." + type.source().id() + ".");
            assertThat(EventSource.ofEventType(type.name())).contains(type.source());
        }
    }

    @Test
    void everySchemaTheContractsPublishIsCatalogued() throws Exception {
        Set<String> published = new TreeSet<>();
        // the main schemas' folder: the tests' own schemas (a test-only type's) are in another
        Path folder = Path.of(EventCatalog.class
                        .getResource(EventCatalog.PLATFORM
                                .require(NeedSubmitted.class)
                                .schemaResource())
                        .toURI())
                .getParent();
        try (Stream<Path> files = Files.list(folder)) {
            files.forEach(file -> published.add(file.getFileName().toString().replaceFirst("\\.json$", "")));
        }
        assertThat(published).isNotEmpty();
        assertThat(EventCatalog.PLATFORM.types())
                .extracting(EventType::name)
                .containsExactlyInAnyOrderElementsOf(published);
    }

    @Test
    void aSchemaThatDoesNotDescribeItsRecordIsReported() {
        EventType misdescribed = EventType.of(ProbeMisdescribed.class, "probe", Visibility.PUBLIC);
        assertThat(EventSchema.mismatches(misdescribed))
                .containsExactly(
                        misdescribed.name()
                                + ": the record has [note, probeId], the schema describes [comment, probeId]",
                        misdescribed.name() + ": the schema requires comment, which the record lacks");
        assertThat(EventSchema.mismatches(EventType.of(Unpublished.class, "probe", Visibility.PUBLIC)))
                .containsExactly("it.ngsiena.training.probe.unpublished.v1: no schema"
                        + " /schemas/it.ngsiena.training.probe.unpublished.v1.json");
    }

    @Test
    void aTypeIsReadFromItsNameAndRefusedWhenTheNameDoesNotFollowTheConvention() {
        EventType prioritised = EventCatalog.PLATFORM.require(NeedPrioritised.class);
        assertThat(prioritised.source()).isEqualTo(Workstream.PARTICIPATION);
        assertThat(prioritised.aggregate()).isEqualTo("need");
        assertThat(EventCatalog.PLATFORM.require(AttendanceRecorded.class).aggregate())
                .isEqualTo("session");
        assertThat(prioritised.version()).isEqualTo(1);
        assertThat(prioritised.visibility()).isEqualTo(Visibility.PUBLIC);
        assertThat(prioritised.countedInFigures()).isTrue();
        assertThat(EventCatalog.PLATFORM.require(CourseCreated.class).countedInFigures())
                .isFalse();
        assertThatThrownBy(() -> EventType.of(Misnamed.class, "flyer", Visibility.PUBLIC))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("No event source is called marketing");
        assertThatThrownBy(() -> EventCatalog.PLATFORM.with(EventCatalog.PLATFORM.require(NeedPrioritised.class)))
                .hasMessageContaining("twice");
    }

    record Unpublished(String note) {
        public static final String TYPE = "it.ngsiena.training.probe.unpublished.v1";
    }

    record Misnamed(String note) {
        public static final String TYPE = "it.ngsiena.marketing.flyer.printed.v1";
    }

    @Test
    void noPayloadCarriesPersonalData() {
        for (EventType type : EventCatalog.PLATFORM.types()) {
            for (var component : type.payload().getRecordComponents()) {
                assertThat(component.getName().toLowerCase())
                        .as(type.name())
                        .doesNotContain("email")
                        .doesNotContain("firstname")
                        .doesNotContain("lastname")
                        .doesNotContain("givenname")
                        .doesNotContain("familyname")
                        .doesNotContain("facilitator")
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

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
