package it.ngsiena.gateway.overview;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The figures are a function of the event log, so a figure computed at one log position stays right
 * until the next event is stored, or until a rebuild re-derives stored rows (then it is emptied).
 * Reads between events, the common case, then cost one look at the log position instead of a dozen
 * aggregate queries; while events arrive, the figures may be up to {@code ngs.gateway.figures.max-staleness}
 * (5 s) behind the feed.
 */
@ApplicationScoped
public class FiguresCache {

    private static final Logger LOG = Logger.getLogger(FiguresCache.class);

    private record Entry(long position, long generation, long computedAt, Object value) {}

    private final ConcurrentHashMap<String, Entry> entries = new ConcurrentHashMap<>();
    private final Set<String> refreshing = ConcurrentHashMap.newKeySet();
    private final ExecutorService refresher = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "figures-refresh");
        thread.setDaemon(true);
        return thread;
    });
    private final long maxStalenessNanos;
    private volatile long generation;

    FiguresCache(
            @ConfigProperty(name = "ngs.gateway.figures.max-staleness", defaultValue = "5s") Duration maxStaleness) {
        this.maxStalenessNanos = maxStaleness.toNanos();
    }

    /**
     * The value for the key at this log position. With a {@code max-staleness} above zero, a value
     * computed for an earlier position is served while it is younger than that; once older, it is still
     * served while one background thread computes the new one (in a transaction of its own), so no
     * request waits for a recount over the whole feed once the first value exists. While events keep
     * arriving, the figures are recomputed at most about once per {@code max-staleness}; the answers say
     * {@code max-age=60} anyway. With zero (the tests), every new position is computed before answering.
     */
    @SuppressWarnings("unchecked")
    <T> T get(String key, long position, Supplier<T> compute) {
        long current = generation;
        Entry entry = entries.get(key);
        if (entry != null && entry.generation() == current && maxStalenessNanos > 0) {
            if (entry.position() != position
                    && System.nanoTime() - entry.computedAt() >= maxStalenessNanos
                    && refreshing.add(key)) {
                refresher.execute(() -> {
                    try {
                        QuarkusTransaction.requiringNew().run(() -> store(key, position, current, compute));
                    } catch (RuntimeException e) {
                        LOG.warnf("Figures %s could not be refreshed: %s", key, e.toString());
                    } finally {
                        refreshing.remove(key);
                    }
                });
            }
            return (T) entry.value();
        }
        if (entry != null && entry.generation() == current && entry.position() == position) {
            return (T) entry.value();
        }
        return store(key, position, current, compute);
    }

    private <T> T store(String key, long position, long current, Supplier<T> compute) {
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
