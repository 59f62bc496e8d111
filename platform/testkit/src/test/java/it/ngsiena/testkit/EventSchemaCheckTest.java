package it.ngsiena.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import it.ngsiena.contracts.training.ParticipantErased;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The schema check catches what a validating consumer would refuse, and passes what the contracts promise. */
class EventSchemaCheckTest {

    private static final String ERASED = ParticipantErased.TYPE;

    @Test
    void dataTheSchemaDescribesPasses() {
        String data = """
                {"participantIdSha256":"%s","municipality":"052015","erasedAt":"2026-12-07T10:00:00Z"}""".formatted(ParticipantErased.sha256Of(UUID.randomUUID()));
        assertThat(EventSchemaCheck.violations(ERASED, data)).isEmpty();
    }

    @Test
    void aMissingFieldAWrongPatternAndABadDateAreEachCaught() {
        assertThat(EventSchemaCheck.violations(ERASED, """
                        {"municipality":"052015","erasedAt":"2026-12-07T10:00:00Z"}"""))
                .singleElement()
                .asString()
                .contains("participantIdSha256");
        assertThat(EventSchemaCheck.violations(ERASED, """
                        {"participantIdSha256":"%s","municipality":"52015","erasedAt":"2026-12-07T10:00:00Z"}""".formatted("a".repeat(64))))
                .singleElement()
                .asString()
                .contains("municipality");
        // formats are asserted, not only annotated
        assertThat(EventSchemaCheck.violations(ERASED, """
                        {"participantIdSha256":"%s","municipality":"052015","erasedAt":"yesterday"}""".formatted("a".repeat(64))))
                .singleElement()
                .asString()
                .contains("erasedAt");
    }

    @Test
    void anUncataloguedTypeIsAViolationAndRequireValidThrows() {
        assertThat(EventSchemaCheck.violations("it.ngsiena.training.nothing.v1", "{}"))
                .hasSize(1);
        assertThatThrownBy(() -> EventSchemaCheck.requireValid(ERASED, "{}"))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("breaks its schema");
    }
}
