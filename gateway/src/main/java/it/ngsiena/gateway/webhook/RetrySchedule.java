package it.ngsiena.gateway.webhook;

import it.ngsiena.kernel.worker.Backoff;
import java.time.Duration;

/**
 * When a failed delivery is tried again: {@code first} after the first failure, doubling with each one up
 * to {@code max}, each pause drawn between its half and its whole so that the subscriptions of a receiver
 * that was down do not all come back in the same second.
 */
record RetrySchedule(Duration first, Duration max) {

    /** The pause after the {@code failures}-th failure in a row (from 1), {@code random} in [0, 1). */
    Duration pauseAfter(int failures, double random) {
        long pause = Backoff.doubling(first, max, failures).toMillis();
        return Duration.ofMillis(pause / 2 + (long) (random * (pause - pause / 2)));
    }
}
