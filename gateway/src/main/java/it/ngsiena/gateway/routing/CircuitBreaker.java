package it.ngsiena.gateway.routing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * One per service: after {@code threshold} failures in a row the circuit opens and calls fail at once
 * for {@code openFor}; then one call may try again (half open): success closes the circuit, failure
 * opens it for another period. A service that is down then costs callers nothing but the 503.
 */
final class CircuitBreaker {

    private final int threshold;
    private final Duration openFor;
    private final Clock clock;
    private int failures;
    private Instant openUntil = Instant.MIN;
    private boolean trying;

    CircuitBreaker(int threshold, Duration openFor, Clock clock) {
        this.threshold = threshold;
        this.openFor = openFor;
        this.clock = clock;
    }

    /** Whether a call may go out now. */
    synchronized boolean allows() {
        if (failures < threshold) {
            return true;
        }
        if (clock.instant().isBefore(openUntil) || trying) {
            return false;
        }
        trying = true;
        return true;
    }

    synchronized void succeeded() {
        failures = 0;
        trying = false;
    }

    synchronized void failed() {
        failures++;
        trying = false;
        if (failures >= threshold) {
            openUntil = clock.instant().plus(openFor);
        }
    }

    synchronized boolean isOpen() {
        return failures >= threshold && clock.instant().isBefore(openUntil);
    }
}
