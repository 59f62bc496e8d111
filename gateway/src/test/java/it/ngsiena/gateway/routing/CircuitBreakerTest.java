package it.ngsiena.gateway.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class CircuitBreakerTest {

    /** A clock the test moves by hand. */
    static final class ManualClock extends Clock {
        Instant now = Instant.parse("2022-03-24T10:00:00Z");

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @Test
    void opensAfterThreeFailuresTriesOnceAfterThePauseAndClosesOnSuccess() {
        ManualClock clock = new ManualClock();
        CircuitBreaker breaker = new CircuitBreaker(3, Duration.ofSeconds(10), clock);
        for (int i = 0; i < 3; i++) {
            assertThat(breaker.allows()).isTrue();
            breaker.failed();
        }
        assertThat(breaker.allows()).isFalse();
        assertThat(breaker.isOpen()).isTrue();
        clock.now = clock.now.plusSeconds(11);
        assertThat(breaker.allows()).as("one trial call").isTrue();
        assertThat(breaker.allows()).as("only one at a time").isFalse();
        breaker.failed();
        assertThat(breaker.allows()).as("open again").isFalse();
        clock.now = clock.now.plusSeconds(11);
        assertThat(breaker.allows()).isTrue();
        breaker.succeeded();
        assertThat(breaker.isOpen()).isFalse();
        assertThat(breaker.allows()).isTrue();
        assertThat(breaker.allows()).isTrue();
    }

    @Test
    void aSuccessInBetweenResetsTheCount() {
        CircuitBreaker breaker = new CircuitBreaker(3, Duration.ofSeconds(10), new ManualClock());
        breaker.failed();
        breaker.failed();
        breaker.succeeded();
        breaker.failed();
        breaker.failed();
        assertThat(breaker.allows()).isTrue();
    }
}
