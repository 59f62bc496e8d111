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

    /**
     * The path as the services match it: without matrix parameters ({@code ;x}), empty segments or a
     * trailing slash, so that {@code /v1/comms/subscribers/} or {@code /v1/comms/subscribers;x} is the
     * same route as {@code /v1/comms/subscribers}.
     */
    static String normalise(String path) {
        StringBuilder normal = new StringBuilder();
        for (String segment : path.split("/")) {
            int matrix = segment.indexOf(';');
            String name = matrix < 0 ? segment : segment.substring(0, matrix);
            if (!name.isEmpty()) {
                normal.append('/').append(name);
            }
        }
        return normal.length() == 0 ? "/" : normal.toString();
    }

    /** The kind of a request; {@code path} as {@link #normalise} gives it. */
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
