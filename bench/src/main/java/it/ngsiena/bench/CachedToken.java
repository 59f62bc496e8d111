package it.ngsiena.bench;

import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * One token shared by a suite's clients and fetched anew once a minute (the demo realm's tokens live
 * five), as a real client keeps its token. Fetching one per client thread would be several password
 * grants for one user at once, which the realm's brute-force detection takes for an attack: it
 * disables the user for a while.
 */
public final class CachedToken implements Supplier<String> {

    private final Supplier<String> fetch;
    private String token;
    private long fetchedAt;

    public CachedToken(Supplier<String> fetch) {
        this.fetch = fetch;
    }

    @Override
    public synchronized String get() {
        if (token == null || System.nanoTime() - fetchedAt > TimeUnit.MINUTES.toNanos(1)) {
            token = fetch.get();
            fetchedAt = System.nanoTime();
        }
        return token;
    }
}
