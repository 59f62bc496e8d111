package it.ngsiena.kernel.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import io.quarkus.security.identity.SecurityIdentity;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.LongAdder;

/**
 * Identities of tokens whose signature and claims were checked, until the token expires or
 * {@code maxAge} has passed, whichever is first. Keyed by the whole token: its hash finds the entry and
 * the whole token must be equal, so a token differing in one character (tampered) is another key. (A
 * SHA-256 key cost more than the rest of the check in a profile of writes, and hid nothing: the identity
 * kept holds the token anyway.) Only successes are remembered: a token that failed is checked in full
 * every time. Bounded in size.
 */
public final class VerifiedTokens {

    private record Entry(SecurityIdentity identity, Instant until) {}

    private final Clock clock;
    private final Duration maxAge;
    private final Cache<String, Entry> entries;
    private final LongAdder hits = new LongAdder();
    private final LongAdder misses = new LongAdder();

    public VerifiedTokens(long maxSize, Duration maxAge, Clock clock) {
        this.clock = clock;
        this.maxAge = maxAge;
        this.entries = Caffeine.newBuilder()
                .maximumSize(maxSize)
                .expireAfter(Expiry.<String, Entry>creating((key, entry) ->
                        Duration.between(clock.instant(), entry.until()).isNegative()
                                ? Duration.ZERO
                                : Duration.between(clock.instant(), entry.until())))
                .executor(Runnable::run)
                .build();
    }

    /** The identity checked for this token, if it was checked and its time has not run out. */
    public Optional<SecurityIdentity> find(String token) {
        Entry entry = entries.getIfPresent(token);
        // Caffeine's expiry follows its own ticker; the clock decides (tests move it, and it is exact).
        if (entry == null || !clock.instant().isBefore(entry.until())) {
            misses.increment();
            return Optional.empty();
        }
        hits.increment();
        return Optional.of(entry.identity());
    }

    /** Remembers a successful check of {@code token}, valid until {@code expiresAt} (its {@code exp}). */
    public void remember(String token, Instant expiresAt, SecurityIdentity identity) {
        Instant now = clock.instant();
        Instant until = expiresAt.isBefore(now.plus(maxAge)) ? expiresAt : now.plus(maxAge);
        if (until.isAfter(now)) {
            entries.put(token, new Entry(identity, until));
        }
    }

    public long hits() {
        return hits.sum();
    }

    public long misses() {
        return misses.sum();
    }

    public long size() {
        entries.cleanUp();
        return entries.estimatedSize();
    }

    public void clear() {
        entries.invalidateAll();
    }
}
