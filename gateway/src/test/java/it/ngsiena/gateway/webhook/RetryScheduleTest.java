package it.ngsiena.gateway.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RetryScheduleTest {

    private final RetrySchedule schedule = new RetrySchedule(Duration.ofSeconds(10), Duration.ofHours(1));

    @Test
    void pausesDoubleUpToTheCeilingWithJitterBetweenHalfAndWhole() {
        assertThat(schedule.pauseAfter(1, 0.0)).isEqualTo(Duration.ofSeconds(5));
        assertThat(schedule.pauseAfter(1, 0.999)).isBetween(Duration.ofMillis(9_990), Duration.ofSeconds(10));
        assertThat(schedule.pauseAfter(4, 0.0)).isEqualTo(Duration.ofSeconds(40));
        assertThat(schedule.pauseAfter(30, 0.0)).isEqualTo(Duration.ofMinutes(30));
        assertThat(schedule.pauseAfter(1_000, 0.999)).isLessThanOrEqualTo(Duration.ofHours(1));
    }

    @Test
    void theDefaultsKeepTryingForADayAndMore() {
        // the defaults (10 s doubling to 1 h) with the shortest jitter: how many attempts fit in the 24-hour window
        Duration elapsed = Duration.ZERO;
        int attempts = 0;
        while (elapsed.compareTo(Duration.ofHours(24)) < 0) {
            attempts++;
            elapsed = elapsed.plus(schedule.pauseAfter(attempts, 0.0));
        }
        assertThat(attempts).isBetween(40, 60);
    }
}
