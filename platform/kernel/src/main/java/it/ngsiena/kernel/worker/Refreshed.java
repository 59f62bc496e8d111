package it.ngsiena.kernel.worker;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * A value read from the database kept in memory for at most {@code maxAge}, and dropped at once by
 * {@link #invalidate} (a change this instance made, once committed). A load that an invalidation
 * overtook is returned to its caller but not kept, so a stale value never outlives the change.
 */
public final class Refreshed<T> {

    private record Kept<T>(T value, long loadedAt) {}

    private final long maxAgeNanos;
    private final AtomicLong invalidations = new AtomicLong();
    private volatile Kept<T> kept;

    public Refreshed(Duration maxAge) {
        this.maxAgeNanos = maxAge.toNanos();
    }

    /** The kept value while younger than the maximum age, else what {@code load} reads now. */
    public T get(Supplier<T> load) {
        Kept<T> current = kept;
        if (current != null && System.nanoTime() - current.loadedAt() < maxAgeNanos) {
            return current.value();
        }
        long loadedAt = System.nanoTime();
        long before = invalidations.get();
        T value = load.get();
        if (invalidations.get() == before) {
            kept = new Kept<>(value, loadedAt);
        }
        return value;
    }

    public void invalidate() {
        invalidations.incrementAndGet();
        kept = null;
    }
}
