package it.ngsiena.kernel.worker;

/**
 * The one way the platform spaces out attempts after failures: a first pause doubling with each failure in
 * a row up to a ceiling ({@link #doubling}). An instance is a background loop's (the outbox relay, the
 * event consumer, its dead-letter producer): 100 ms, doubling up to 5 s, back to 100 ms after a success;
 * not thread-safe, one per loop. The webhooks' retries use the same doubling, with jitter.
 */
public final class Backoff {

    private static final java.time.Duration FIRST = java.time.Duration.ofMillis(100);
    private static final java.time.Duration MAX = java.time.Duration.ofSeconds(5);

    private int failures = 1;
    private long next = FIRST.toMillis();

    /** The pause after the {@code failures}-th failure in a row (from 1): {@code first} doubled, at most {@code max}. */
    public static java.time.Duration doubling(java.time.Duration first, java.time.Duration max, int failures) {
        long ceiling = max.toMillis();
        long pause = first.toMillis();
        for (int i = 1; i < failures && pause < ceiling; i++) {
            pause *= 2;
        }
        return java.time.Duration.ofMillis(Math.min(pause, ceiling));
    }

    /** Sleeps for the current pause and doubles the next one; returns the pause slept, in ms. */
    public long pause() {
        long pause = next;
        failures++;
        next = doubling(FIRST, MAX, failures).toMillis();
        try {
            Thread.sleep(pause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return pause;
    }

    /** The pause the next failure will cost, in ms (for log lines). */
    public long nextPauseMillis() {
        return next;
    }

    /** After a success: the next failure waits the shortest pause again. */
    public void reset() {
        failures = 1;
        next = FIRST.toMillis();
    }
}
