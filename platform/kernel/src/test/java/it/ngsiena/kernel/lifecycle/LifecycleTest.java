package it.ngsiena.kernel.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import it.ngsiena.kernel.problem.ProblemException;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LifecycleTest {

    /** A small lifecycle of the same shape as the services' (a session's). */
    enum Status implements Lifecycle<Status> {
        SCHEDULED,
        HELD,
        CANCELLED;

        @Override
        public Set<Status> next() {
            return this == SCHEDULED ? Set.of(HELD, CANCELLED) : Set.of();
        }
    }

    @Test
    void anAllowedMoveGivesTheTarget() {
        assertThat(Status.SCHEDULED.moveTo(Status.HELD, "session")).isEqualTo(Status.HELD);
    }

    @Test
    void aRefusedMoveIsOne409NamingTheCurrentStatusAndTheMovesAllowed() {
        assertThatThrownBy(() -> Status.SCHEDULED.moveTo(Status.SCHEDULED, "session"))
                .isInstanceOfSatisfying(ProblemException.class, e -> {
                    assertThat(e.problem().status()).isEqualTo(409);
                    assertThat(e.problem().detail())
                            .isEqualTo("A session in state SCHEDULED cannot be moved to SCHEDULED;"
                                    + " it can be moved to: CANCELLED, HELD");
                    assertThat(e.problem().extensions())
                            .containsEntry("currentStatus", "SCHEDULED")
                            .containsEntry("allowedMoves", List.of("CANCELLED", "HELD"));
                });
    }

    @Test
    void aFinalStatusSaysSoAndAllowsNoMove() {
        ProblemException refused = Status.HELD.refused("session", "rescheduled");
        assertThat(refused.problem().detail()).isEqualTo("A session in state HELD cannot be rescheduled; it is final");
        assertThat(refused.problem().extensions()).containsEntry("allowedMoves", List.of());
        assertThat(Status.HELD.refused("announcement", "edited").problem().detail())
                .startsWith("An announcement in state HELD");
    }

    @Test
    void aRefusalReadsInItalianByDefault() {
        var italian = it.ngsiena.kernel.problem.ProblemLanguage.in(
                false, Status.SCHEDULED.refused("session", "moved to SCHEDULED").problem());
        assertThat(italian.detail())
                .isEqualTo("Operazione non consentita nello stato SCHEDULED; da qui si può passare a: CANCELLED, HELD");
        assertThat(it.ngsiena.kernel.problem.ProblemLanguage.in(
                                false,
                                Status.HELD.refused("session", "rescheduled").problem())
                        .detail())
                .isEqualTo("Operazione non consentita nello stato HELD, che è finale");
    }
}
