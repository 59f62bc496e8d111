package it.ngsiena.gateway.ratelimit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import it.ngsiena.gateway.client.ClientAddresses;
import it.ngsiena.kernel.problem.Problems;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Base64;
import java.util.Optional;

/**
 * Rate limits of the Italian interoperability guidelines (ModI) at the platform's entry: every answer
 * of the gateway's API carries {@code X-RateLimit-Limit}, {@code X-RateLimit-Remaining} and
 * {@code X-RateLimit-Reset} (seconds until the window ends), and a client over its limit gets 429 with
 * {@code Retry-After} and a problem document, before the request reaches an endpoint or a service.
 *
 * <p>A client is its address ({@link ClientAddresses}: behind a trusted proxy, the address the proxy
 * forwards), and with a token the token's subject at that address: people behind one NAT or proxy are
 * counted one by one. The subject is read without checking the token (the endpoint or service that
 * answers checks it), which is why it is never counted alone: a token forged with someone else's subject
 * only ever uses up requests of that subject at the forger's own address. An address whose tokens were
 * refused {@code failed-authentications} times in a window is refused whenever it sends a token it has
 * not used successfully before ({@link AnsweredTokens}), until the window ends: the offender's new tokens
 * stop, while colleagues behind the same NAT keep working with theirs. Newsletter sign-ups count by
 * address, signed in or not.
 */
@ApplicationScoped
public class RateLimitFilter {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final RateLimitConfig config;
    private final ClientAddresses clients;
    private final RateLimiter limiter;
    private final AnsweredTokens answered;
    private final Clock clock;

    RateLimitFilter(RateLimitConfig config, ClientAddresses clients) {
        this.config = config;
        this.clients = clients;
        this.limiter = new RateLimiter(config.window().toMillis(), config.maxClients());
        this.answered = new AnsweredTokens(config.maxClients(), config.window().multipliedBy(10));
        this.clock = Clock.systemUTC();
    }

    void register(@Observes Router router, Vertx vertx) {
        if (!config.enabled()) {
            return;
        }
        router.route().order(RouteConstants.ROUTE_ORDER_BEFORE_DEFAULT).handler(this::limit);
        vertx.setPeriodic(config.window().toMillis(), id -> limiter.forgetEnded(clock.millis()));
    }

    private void limit(RoutingContext ctx) {
        String path = RouteClass.normalise(ctx.normalizedPath());
        if (path.startsWith("/q/")) {
            ctx.next(); // health, metrics and Swagger UI belong to operators and probes
            return;
        }
        long now = clock.millis();
        String address = clients.of(ctx);
        String token = bearer(ctx.request().getHeader("Authorization"));
        RouteClass kind = RouteClass.of(ctx.request().method().name(), path, token != null);
        String failedKey = "failed-authentication|" + address;
        if (token != null
                && limiter.exhausted(failedKey, config.failedAuthentications(), now)
                && !answered.contains(token)) {
            RateLimiter.Decision refused = new RateLimiter.Decision(
                    false, config.failedAuthentications(), 0, limiter.resetSeconds(failedKey, now));
            tooMany(ctx, refused, "Too many requests with tokens that were refused came from this address");
            return;
        }
        Optional<String> subject =
                token == null || kind == RouteClass.NEWSLETTER_SIGN_UP ? Optional.empty() : subject(token);
        String key = kind + "|" + subject.map(s -> s + "@").orElse("") + address;
        RateLimiter.Decision decision = limiter.take(key, kind.limit(config), now);
        headers(ctx.response(), decision);
        if (!decision.allowed()) {
            tooMany(
                    ctx,
                    decision,
                    "At most " + decision.limit() + " requests of this kind per "
                            + config.window().toSeconds() + " s");
            return;
        }
        if (token != null) {
            ctx.addHeadersEndHandler(done -> {
                if (ctx.response().getStatusCode() == 401) {
                    answered.forget(token);
                    limiter.take(failedKey, config.failedAuthentications(), clock.millis());
                } else {
                    answered.remember(token);
                }
            });
        }
        ctx.next();
    }

    private static void headers(HttpServerResponse response, RateLimiter.Decision decision) {
        response.putHeader("X-RateLimit-Limit", Integer.toString(decision.limit()));
        response.putHeader("X-RateLimit-Remaining", Integer.toString(decision.remaining()));
        response.putHeader("X-RateLimit-Reset", Long.toString(decision.resetSeconds()));
    }

    private static void tooMany(RoutingContext ctx, RateLimiter.Decision decision, String detail) {
        headers(ctx.response(), decision);
        ctx.response().putHeader("Retry-After", Long.toString(decision.resetSeconds()));
        Problems.end(
                ctx,
                429,
                "rate-limited",
                "Too many requests",
                detail + "; try again in " + decision.resetSeconds() + " s");
    }

    private static String bearer(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return null;
        }
        String token = authorization.substring(7).strip();
        return token.isEmpty() ? null : token;
    }

    /** The subject ({@code sub}, else {@code azp}) a JWT claims, read without checking its signature. */
    static Optional<String> subject(String token) {
        String[] parts = token.split("\\.");
        if (parts.length < 2) {
            return Optional.empty();
        }
        try {
            JsonNode claims =
                    JSON.readTree(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8));
            String subject = claims.path("sub").asText(claims.path("azp").asText(""));
            return subject.isEmpty() || subject.length() > 200 ? Optional.empty() : Optional.of(subject);
        } catch (Exception e) {
            return Optional.empty();
        }
    }
}
