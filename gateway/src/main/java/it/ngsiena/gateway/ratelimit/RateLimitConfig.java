package it.ngsiena.gateway.ratelimit;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/**
 * Requests a client may make per window, per kind of route (env {@code NGS_GATEWAY_RATE_LIMIT_*}). The
 * counters live in each gateway replica: behind a load balancer spreading clients over N replicas, a
 * client may get up to N times these figures, so set them to the total divided by the replicas.
 */
@ConfigMapping(prefix = "ngs.gateway.rate-limit")
public interface RateLimitConfig {

    @WithDefault("true")
    boolean enabled();

    /** The window the counts are kept for; X-RateLimit-Reset says when the current one ends. */
    @WithDefault("60s")
    Duration window();

    /** GET and HEAD without a token, per client address (see ClientAddresses: behind a trusted proxy, the forwarded one). */
    @WithDefault("300")
    int anonymousReads();

    /** GET and HEAD with a token, per token subject. */
    @WithDefault("1200")
    int authenticatedReads();

    /** POST, PUT, PATCH and DELETE, per token subject (or client address without a token). */
    @WithDefault("300")
    int writes();

    /** Newsletter sign-ups (POST /v1/comms/subscribers), per client address; the comms service adds a limit per e-mail address. */
    @WithDefault("10")
    int newsletterSignUps();

    /** Answers 401 a client address may get before its requests with tokens are refused too (forged tokens). */
    @WithDefault("60")
    int failedAuthentications();

    /**
     * Clients counted one by one in a window; beyond it, new ones share overflow counters (RateLimiter), so
     * that the counters' memory stays bounded (about 200 bytes a client).
     */
    @WithDefault("100000")
    int maxClients();
}
