package it.ngsiena.gateway.overview;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The figures are a function of the event log, so a figure computed at one log position stays right
 * until the next event is stored, or until a rebuild re-derives stored rows (then it is emptied).
 * Reads between events, the common case, then cost one look at the log position instead of a dozen
 * aggregate queries.
 */
@ApplicationScoped
public class FiguresCache {

    private record Entry(long position, long generation, Object value) {
    }

    private final ConcurrentHashMap<String, Entry> entries = new ConcurrentHashMap<>();
    private volatile long generation;

    @SuppressWarnings("unchecked")
    <T> T get(String key, long position, Supplier<T> compute) {
        long current = generation;
        Entry entry = entries.get(key);
        if (entry != null && entry.position() == position && entry.generation() == current) {
            return (T) entry.value();
        }
        T value = compute.get();
        // a value computed while a rebuild ran may be stale: keep it only if no rebuild happened since
        if (generation == current) {
            entries.put(key, new Entry(position, current, value));
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
