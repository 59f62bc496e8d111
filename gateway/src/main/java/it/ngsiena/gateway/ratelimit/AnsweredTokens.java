package it.ngsiena.gateway.ratelimit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Base64;

/**
 * Tokens whose last request was not refused (any answer but 401), remembered by their SHA-256 (a forger
 * would need the very token), bounded in number and for a time: an address locked out for refused tokens
 * still serves these, so the people behind a shared address who were already working go on working.
 */
final class AnsweredTokens {

    private final Cache<String, Boolean> tokens;

    AnsweredTokens(int maxSize, Duration keepFor) {
        this.tokens = Caffeine.newBuilder()
                .maximumSize(maxSize)
                .expireAfterWrite(keepFor)
                .executor(Runnable::run)
                .build();
    }

    boolean contains(String token) {
        return tokens.getIfPresent(digest(token)) != null;
    }

    void remember(String token) {
        tokens.put(digest(token), Boolean.TRUE);
    }

    void forget(String token) {
        tokens.invalidate(digest(token));
    }

    private static String digest(String token) {
        try {
            return Base64.getEncoder()
                    .encodeToString(
                            MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
