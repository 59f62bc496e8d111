package it.ngsiena.kernel.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import it.ngsiena.kernel.problem.ProblemException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class OccurredAtTest {

    private static final OffsetDateTime START = OffsetDateTime.parse("2022-03-24T00:00:00+01:00");
    private final OccurredAt occurredAt =
            new OccurredAt(START, Clock.fixed(Instant.parse("2026-11-30T12:00:00Z"), ZoneOffset.UTC));

    @Test
    void aPastTimeWithinTheProgrammeIsKeptInUtcAndNothingMeansNow() {
        assertThat(occurredAt.orNow("occurredAt", OffsetDateTime.parse("2022-04-12T10:00:00+02:00")))
                .isEqualTo(OffsetDateTime.parse("2022-04-12T08:00:00Z"));
        assertThat(occurredAt.orNow("occurredAt", null)).isEqualTo(OffsetDateTime.parse("2026-11-30T12:00:00Z"));
        assertThat(occurredAt.orNow("occurredAt", START)).isAtSameInstantAs(START);
        // a caller's clock a little ahead of ours
        assertThat(occurredAt.orNow("occurredAt", OffsetDateTime.parse("2026-11-30T12:00:30Z")))
                .isEqualTo(OffsetDateTime.parse("2026-11-30T12:00:30Z"));
    }

    @Test
    void theFutureAndTimesBeforeTheProgrammeAre422NamingTheField() {
        assertThatThrownBy(() -> occurredAt.orNow("occurredAt", OffsetDateTime.parse("2026-12-01T12:00:00Z")))
                .isInstanceOfSatisfying(ProblemException.class, e -> {
                    assertThat(e.problem().status()).isEqualTo(422);
                    assertThat(e.problem().violations())
                            .extracting(v -> v.field() + ": " + v.message())
                            .containsExactly("occurredAt: must not be in the future");
                });
        assertThatThrownBy(() -> occurredAt.orNow("heldAt", OffsetDateTime.parse("2022-03-23T22:59:59Z")))
                .isInstanceOfSatisfying(
                        ProblemException.class,
                        e -> assertThat(e.problem().violations().get(0).message())
                                .startsWith("must not be before the programme's start"));
    }

    @Test
    void aClaimedTimeBeforeWhatItFollowsIsRefusedButNowIsNotChecked() {
        OffsetDateTime start = OffsetDateTime.parse("2022-06-16T10:00:00+02:00");
        assertThatThrownBy(() -> occurredAt.orNow(
                        "occurredAt", OffsetDateTime.parse("2022-06-16T09:59:00+02:00"), start, "the session's start"))
                .isInstanceOfSatisfying(
                        ProblemException.class,
                        e -> assertThat(e.problem().violations().get(0).message())
                                .startsWith("must not be before the session's start"));
        assertThat(occurredAt.orNow("occurredAt", OffsetDateTime.parse("2022-06-16T12:00:00+02:00"), start, "x"))
                .isEqualTo(OffsetDateTime.parse("2022-06-16T10:00:00Z"));
        // nothing claimed: now, whatever the start (a session closed early is the service's rule, not this one's)
        assertThat(occurredAt.orNow("occurredAt", null, OffsetDateTime.parse("2027-01-01T00:00:00Z"), "x"))
                .isEqualTo(OffsetDateTime.parse("2026-11-30T12:00:00Z"));
    }
}
