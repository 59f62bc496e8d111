package it.ngsiena.kernel.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class ActorTest {

    private static final OffsetDateTime TIME = OffsetDateTime.of(2022, 5, 12, 9, 30, 0, 0, ZoneOffset.UTC);

    private static byte[] encode(Actor actor) {
        return EventCodec.encode(
                "e-1", "/participation-service", "it.ngsiena.participation.sample.v1", "s", TIME, "{}", actor);
    }

    @Test
    void theActorTravelsInThreeExtensionAttributes() {
        Actor partner = new Actor("5b0c6f2e-1d7a", "ngs-frontend", "participation-partner");
        byte[] bytes = encode(partner);

        String json = new String(bytes, StandardCharsets.UTF_8);
        assertThat(json)
                .contains("\"actorsub\":\"5b0c6f2e-1d7a\"")
                .contains("\"actorclient\":\"ngs-frontend\"")
                .contains("\"actorrole\":\"participation-partner\"");
        assertThat(EventCodec.decode("ngs.participation.v1", bytes).actor()).isEqualTo(partner);
    }

    @Test
    void thePlatformActingByItselfHasNoSubject() {
        byte[] bytes = encode(Actor.system("participation-service"));

        assertThat(new String(bytes, StandardCharsets.UTF_8)).doesNotContain("actorsub");
        Actor decoded = EventCodec.decode("ngs.participation.v1", bytes).actor();
        assertThat(decoded).isEqualTo(new Actor(null, "participation-service", "system"));
        assertThat(decoded.recordedAs()).isEqualTo("system:participation-service");
    }

    @Test
    void anEventWithoutActorDecodesWithoutOne() {
        assertThat(EventCodec.decode("ngs.participation.v1", encode(null)).actor())
                .isNull();
    }

    @Test
    void aRecordKeepsTheSubjectOfAPersonAndTheRoleOfAnAnonymousCaller() {
        assertThat(new Actor("5b0c", "ngs-frontend", "viewer").recordedAs()).isEqualTo("5b0c");
        assertThat(Actor.anonymous().recordedAs()).isEqualTo("anonymous");
    }
}
