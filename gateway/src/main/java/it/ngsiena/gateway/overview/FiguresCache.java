package it.ngsiena.gateway.overview;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The figures are a function of the event log, so a figure computed at one log position stays right
 * until the next event is stored, or until a rebuild re-derives stored rows (then it is emptied).
 * Reads between events, the common case, then cost one look at the log position instead of a dozen
 * aggregate queries; while events arrive, the figures may be up to {@code ngs.gateway.figures.max-staleness}
 * (5 s) behind the feed.
 */
@ApplicationScoped
public class FiguresCache {

    private record Entry(long position, long generation, long computedAt, Object value) {
    }

    private final ConcurrentHashMap<String, Entry> entries = new ConcurrentHashMap<>();
    private final long maxStalenessNanos;
    private volatile long generation;

    FiguresCache(@ConfigProperty(name = "ngs.gateway.figures.max-staleness", defaultValue = "5s") Duration maxStaleness) {
        this.maxStalenessNanos = maxStaleness.toNanos();
    }

    /**
     * The value for the key at this log position: the one cached for it, or one computed for an earlier
     * position less than {@code max-staleness} ago, or a new one. While events keep arriving (several a
     * second), the figures are recomputed at most once per {@code max-staleness} instead of after every
     * event; the answers say {@code max-age=60} anyway.
     */
    @SuppressWarnings("unchecked")
    <T> T get(String key, long position, Supplier<T> compute) {
        long current = generation;
        Entry entry = entries.get(key);
        if (entry != null && entry.generation() == current && (entry.position() == position
                || System.nanoTime() - entry.computedAt() < maxStalenessNanos)) {
            return (T) entry.value();
        }
        long computedAt = System.nanoTime();
        T value = compute.get();
        // a value computed while a rebuild ran may be stale: keep it only if no rebuild happened since
        if (generation == current) {
            entries.put(key, new Entry(position, current, computedAt, value));
        }
        return value;
    }

    void rebuilt(@jakarta.enterprise.event.Observes it.ngsiena.gateway.activity.ActivityRebuild.Result rebuild) {
        invalidate();
    }

    /** After a rebuild: stored rows may have changed without the log position moving. */
    void invalidate() {
        generation++;
        entries.clear();
    }
}
