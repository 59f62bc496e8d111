package it.ngsiena.gateway.ratelimit;

import java.util.concurrent.ConcurrentHashMap;

/**
 * Fixed-window counters per key, in memory: a key may be taken {@code limit} times in a window that
 * starts at its first request. Keys whose window has ended are dropped by {@link #forgetEnded}. At most
 * {@code maxKeys} keys are kept: once that many are in a window (a flood of new clients), a new key shares
 * one of {@value #OVERFLOW_BUCKETS} overflow counters with others that hash alike, so memory stays bounded
 * and a flood slows its own kind of newcomers, not the clients already counted.
 */
final class RateLimiter {

    static final int OVERFLOW_BUCKETS = 1024;

    /** What a request was told: allowed or not, and the figures for the X-RateLimit headers. */
    record Decision(boolean allowed, int limit, int remaining, long resetSeconds) {}

    private record Window(long start, int count) {}

    private final long windowMillis;
    private final int maxKeys;
    private final ConcurrentHashMap<String, Window> windows = new ConcurrentHashMap<>();

    RateLimiter(long windowMillis, int maxKeys) {
        this.windowMillis = windowMillis;
        this.maxKeys = maxKeys;
    }

    /** Counts one request of {@code key} at {@code nowMillis} against {@code limit}. */
    Decision take(String key, int limit, long nowMillis) {
        Window window = windows.compute(
                counted(key, nowMillis),
                (k, w) -> w == null || ended(w, nowMillis)
                        ? new Window(nowMillis, 1)
                        : new Window(w.start(), Math.min(w.count() + 1, Integer.MAX_VALUE - 1)));
        return new Decision(
                window.count() <= limit, limit, Math.max(0, limit - window.count()), resetSeconds(window, nowMillis));
    }

    /** Whether {@code key} has used up {@code limit} in its current window, without counting a request. */
    boolean exhausted(String key, int limit, long nowMillis) {
        Window window = windows.get(key);
        return window != null && !ended(window, nowMillis) && window.count() >= limit;
    }

    /** Seconds until the current window of {@code key} ends (a whole window if it has none). */
    long resetSeconds(String key, long nowMillis) {
        Window window = windows.get(key);
        return window == null || ended(window, nowMillis)
                ? (windowMillis + 999) / 1000
                : resetSeconds(window, nowMillis);
    }

    void forgetEnded(long nowMillis) {
        windows.values().removeIf(w -> ended(w, nowMillis));
    }

    int keys() {
        return windows.size();
    }

    /** The key itself while there is room (or it is counted already), else its overflow bucket. */
    private String counted(String key, long nowMillis) {
        if (windows.size() < maxKeys || windows.containsKey(key)) {
            return key;
        }
        forgetEnded(nowMillis);
        return windows.size() < maxKeys ? key : "overflow|" + Math.floorMod(key.hashCode(), OVERFLOW_BUCKETS);
    }

    private boolean ended(Window window, long nowMillis) {
        return nowMillis - window.start() >= windowMillis;
    }

    private long resetSeconds(Window window, long nowMillis) {
        return Math.max(1, (window.start() + windowMillis - nowMillis + 999) / 1000);
    }
}
