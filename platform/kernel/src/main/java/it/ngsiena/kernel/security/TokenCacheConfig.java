package it.ngsiena.kernel.security;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How long and how many successful token checks are remembered ({@link VerifiedTokens}). */
@ConfigMapping(prefix = "ngs.security.token-cache")
public interface TokenCacheConfig {

    /** Off: every request verifies its token's signature again (env {@code NGS_SECURITY_TOKEN_CACHE_ENABLED}). */
    @WithDefault("true")
    boolean enabled();

    /** Tokens remembered at most; the least used go first (env {@code NGS_SECURITY_TOKEN_CACHE_MAX_SIZE}). */
    @WithDefault("10000")
    long maxSize();

    /**
     * Longest time a check is trusted, even when the token lives longer: a signing key withdrawn from the
     * realm stops being accepted within this time (env {@code NGS_SECURITY_TOKEN_CACHE_MAX_AGE}).
     */
    @WithDefault("PT5M")
    Duration maxAge();
}
