package it.ngsiena.kernel.worker;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BackoffTest {

    @Test
    void thePauseDoublesWithEachFailureUpToTheCeiling() {
        Duration first = Duration.ofSeconds(30);
        Duration max = Duration.ofMinutes(5);
        assertThat(Backoff.doubling(first, max, 1)).isEqualTo(Duration.ofSeconds(30));
        assertThat(Backoff.doubling(first, max, 2)).isEqualTo(Duration.ofSeconds(60));
        assertThat(Backoff.doubling(first, max, 4)).isEqualTo(Duration.ofSeconds(240));
        assertThat(Backoff.doubling(first, max, 5)).isEqualTo(max);
        assertThat(Backoff.doubling(first, max, 10_000)).isEqualTo(max);
    }

    @Test
    void aLoopWaitsLongerAfterEachFailureAndShortAgainAfterASuccess() {
        Backoff backoff = new Backoff();
        assertThat(backoff.nextPauseMillis()).isEqualTo(100);
        assertThat(backoff.pause()).isEqualTo(100);
        assertThat(backoff.pause()).isEqualTo(200);
        assertThat(backoff.nextPauseMillis()).isEqualTo(400);
        backoff.reset();
        assertThat(backoff.nextPauseMillis()).isEqualTo(100);
    }
}
