package it.ngsiena.kernel.worker;

/**
 * The one way a background loop of the platform waits after a failure (the outbox relay, the event
 * consumer, its dead-letter producer): 100 ms, doubling up to 5 s, back to 100 ms after a success.
 * Not thread-safe: one per loop.
 */
public final class Backoff {

    private static final long FIRST_MS = 100;
    private static final long MAX_MS = 5_000;

    private long next = FIRST_MS;

    /** Sleeps for the current pause and doubles the next one; returns the pause slept, in ms. */
    public long pause() {
        long pause = next;
        next = Math.min(next * 2, MAX_MS);
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
        next = FIRST_MS;
    }
}
