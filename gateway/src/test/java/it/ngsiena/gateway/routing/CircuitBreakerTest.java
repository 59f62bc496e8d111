package it.ngsiena.gateway.routing;

import static org.assertj.core.api.Assertions.assertThat;

import it.ngsiena.testkit.ManualClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class CircuitBreakerTest {

    @Test
    void opensAfterThreeFailuresTriesOnceAfterThePauseAndClosesOnSuccess() {
        ManualClock clock = new ManualClock(Instant.parse("2022-03-24T10:00:00Z"));
        CircuitBreaker breaker = new CircuitBreaker(3, Duration.ofSeconds(10), clock);
        for (int i = 0; i < 3; i++) {
            assertThat(breaker.allows()).isTrue();
            breaker.failed();
        }
        assertThat(breaker.allows()).isFalse();
        assertThat(breaker.isOpen()).isTrue();
        clock.advance(Duration.ofSeconds(11));
        assertThat(breaker.allows()).as("one trial call").isTrue();
        assertThat(breaker.allows()).as("only one at a time").isFalse();
        breaker.failed();
        assertThat(breaker.allows()).as("open again").isFalse();
        clock.advance(Duration.ofSeconds(11));
        assertThat(breaker.allows()).isTrue();
        breaker.succeeded();
        assertThat(breaker.isOpen()).isFalse();
        assertThat(breaker.allows()).isTrue();
        assertThat(breaker.allows()).isTrue();
    }

    @Test
    void aSuccessInBetweenResetsTheCount() {
        CircuitBreaker breaker =
                new CircuitBreaker(3, Duration.ofSeconds(10), new ManualClock(Instant.parse("2022-03-24T10:00:00Z")));
        breaker.failed();
        breaker.failed();
        breaker.succeeded();
        breaker.failed();
        breaker.failed();
        assertThat(breaker.allows()).isTrue();
    }
}
