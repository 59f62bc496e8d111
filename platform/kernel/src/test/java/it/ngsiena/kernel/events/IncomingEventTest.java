package it.ngsiena.kernel.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;

class IncomingEventTest {

    private static IncomingEvent on(String topic, String source, String type) {
        return new IncomingEvent("e-1", type, source, "s", OffsetDateTime.now(), topic, null);
    }

    @Test
    void aTopicOfThePlatformTakesOnlyItsPublishersEvents() {
        assertThat(on("ngs.training.v1", "/training-service", "it.ngsiena.training.participant.enrolled.v1")
                        .foreignToItsTopic())
                .isEmpty();
        assertThat(on("ngs.programme.v1", "/gateway", "it.ngsiena.programme.membership.changed.v1")
                        .foreignToItsTopic())
                .isEmpty();
        // another workstream's event written to a topic its publisher may write to
        assertThat(on("ngs.participation.v1", "/training-service", "it.ngsiena.training.certificate.issued.v1")
                        .foreignToItsTopic())
                .get()
                .asString()
                .startsWith("foreign to its topic: ngs.participation.v1 carries only participation events");
        // the right source, another workstream's type
        assertThat(on("ngs.participation.v1", "/participation-service", "it.ngsiena.training.certificate.issued.v1")
                        .foreignToItsTopic())
                .isPresent();
        // the right type, another source
        assertThat(on("ngs.participation.v1", "/gateway", "it.ngsiena.participation.need.submitted.v1")
                        .foreignToItsTopic())
                .isPresent();
        // a topic of no publisher of the platform (a test's own) is not judged
        assertThat(on("ngs.test.v1", "/x", "t").foreignToItsTopic()).isEmpty();
    }
}
