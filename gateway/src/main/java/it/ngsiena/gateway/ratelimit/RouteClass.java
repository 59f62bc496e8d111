package it.ngsiena.gateway.ratelimit;

import java.util.function.ToIntFunction;

/** The kinds of route that the rate limits tell apart, each with its own limit. */
enum RouteClass {
    ANONYMOUS_READ(RateLimitConfig::anonymousReads),
    AUTHENTICATED_READ(RateLimitConfig::authenticatedReads),
    WRITE(RateLimitConfig::writes),
    NEWSLETTER_SIGN_UP(RateLimitConfig::newsletterSignUps);

    private final ToIntFunction<RateLimitConfig> limit;

    RouteClass(ToIntFunction<RateLimitConfig> limit) {
        this.limit = limit;
    }

    int limit(RateLimitConfig config) {
        return limit.applyAsInt(config);
    }

    static RouteClass of(String method, String path, boolean withToken) {
        if (method.equals("POST") && path.equals("/v1/comms/subscribers")) {
            return NEWSLETTER_SIGN_UP;
        }
        if (method.equals("GET") || method.equals("HEAD") || method.equals("OPTIONS")) {
            return withToken ? AUTHENTICATED_READ : ANONYMOUS_READ;
        }
        return WRITE;
    }
}
