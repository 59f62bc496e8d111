package it.ngsiena.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import it.ngsiena.kernel.events.EventCodec;
import it.ngsiena.kernel.events.IncomingEvent;
import it.ngsiena.kernel.events.MalformedEventException;
import it.ngsiena.kernel.http.ETags;
import it.ngsiena.kernel.municipality.MunicipalityRegistry;
import it.ngsiena.kernel.paging.PageRequest;
import it.ngsiena.kernel.problem.ProblemException;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The kernel's pure pieces; the outbox, consumer and HTTP mappers are tested in the services. */
class KernelUnitTest {

    @Test
    void theRegistryKnowsThe35MunicipalitiesOfTheProvince() {
        MunicipalityRegistry registry = new MunicipalityRegistry();
        assertThat(registry.all()).hasSize(35);
        assertThat(registry.find("052032")).get().extracting(m -> m.name()).isEqualTo("Siena");
        assertThat(registry.find("052037")).get().extracting(m -> m.name()).isEqualTo("Montalcino");
        assertThat(registry.exists("052014"))
                .as("merged into Montalcino in 2017")
                .isFalse();

        assertThatThrownBy(() -> registry.requireKnown(List.of("052032", "999999"), "municipalities"))
                .isInstanceOfSatisfying(ProblemException.class, e -> {
                    assertThat(e.problem().status()).isEqualTo(422);
                    assertThat(e.problem().violations())
                            .singleElement()
                            .satisfies(v -> assertThat(v.field()).isEqualTo("municipalities[1]"));
                });
    }

    @Test
    void ifMatchMustNameTheCurrentVersion() {
        ETags.requireMatch("\"3\"", 3);
        ETags.requireMatch("W/\"3\"", 3);
        ETags.requireMatch("\"1\", \"3\"", 3);
        ETags.requireMatch("*", 3);
        assertThatThrownBy(() -> ETags.requireMatch("\"2\"", 3))
                .isInstanceOfSatisfying(
                        ProblemException.class,
                        e -> assertThat(e.problem().status()).isEqualTo(412));
        assertThatThrownBy(() -> ETags.requireMatch(null, 3))
                .isInstanceOfSatisfying(
                        ProblemException.class,
                        e -> assertThat(e.problem().status()).isEqualTo(428));
        assertThat(ETags.of(7).getValue()).isEqualTo("7");
    }

    @Test
    void pageSizesAreCapped() {
        assertThat(PageRequest.of(null, null)).isEqualTo(new PageRequest(0, 20));
        assertThat(PageRequest.of(2, 10).offset()).isEqualTo(20);
        assertThatThrownBy(() -> PageRequest.of(0, 101)).isInstanceOf(ProblemException.class);
        assertThatThrownBy(() -> PageRequest.of(-1, 10)).isInstanceOf(ProblemException.class);
    }

    record Sample(UUID id, String title) {}

    @Test
    void eventsRoundTripAsStructuredCloudEventsAndUnknownFieldsAreIgnored() {
        UUID id = UUID.randomUUID();
        OffsetDateTime time = OffsetDateTime.of(2022, 3, 24, 10, 0, 0, 0, ZoneOffset.ofHours(1));
        byte[] bytes = EventCodec.encode(
                "e-1",
                "/participation-service",
                "it.ngsiena.participation.sample.v1",
                id.toString(),
                time,
                "{\"id\":\"" + id + "\",\"title\":\"Kickoff\",\"later\":true}");

        IncomingEvent event = EventCodec.decode("ngs.participation.v1", bytes);
        assertThat(event.id()).isEqualTo("e-1");
        assertThat(event.subject()).isEqualTo(id.toString());
        assertThat(event.time().toInstant()).isEqualTo(time.toInstant());
        assertThat(event.time().getOffset()).isEqualTo(ZoneOffset.UTC);
        assertThat(event.dataAs(Sample.class)).isEqualTo(new Sample(id, "Kickoff"));
        assertThat(new String(bytes, StandardCharsets.UTF_8)).contains("\"specversion\":\"1.0\"");
    }

    @Test
    void anythingElseIsMalformed() {
        assertThatThrownBy(() -> EventCodec.decode("t", "not json".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(MalformedEventException.class);
        assertThatThrownBy(() -> EventCodec.decode("t", "{\"specversion\":\"1.0\"}".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(MalformedEventException.class);
        assertThatThrownBy(() -> EventCodec.decode("t", null)).isInstanceOf(MalformedEventException.class);
        byte[] textData = EventCodec.encode("e-2", "/x", "t", "s", OffsetDateTime.now(), "[1,2]");
        assertThatThrownBy(() -> EventCodec.decode("t", textData)).isInstanceOf(MalformedEventException.class);
    }
}
