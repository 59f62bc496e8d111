package it.ngsiena.kernel.security;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.oidc.runtime.OidcIdentityProvider;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Checks bearer tokens through Quarkus OIDC once per token instead of once per request: the RSA
 * signature check was the largest single cost of a request (bench/README.md). Runs ahead of the OIDC
 * provider (higher priority) and hands every token it has not verified, or whose time ran out, to it;
 * a failure is passed on and not remembered.
 */
@ApplicationScoped
public class CachedTokenIdentityProvider implements IdentityProvider<TokenAuthenticationRequest> {

    /** {@link IdentityProvider#priority()}'s default, which OIDC's provider keeps; higher runs first. */
    private static final int DEFAULT_PRIORITY_OF_PROVIDERS = 1001;

    private final OidcIdentityProvider oidc;
    private final TokenCacheConfig config;
    private final VerifiedTokens verified;

    CachedTokenIdentityProvider(OidcIdentityProvider oidc, TokenCacheConfig config, MeterRegistry metrics) {
        this.oidc = oidc;
        this.config = config;
        this.verified = new VerifiedTokens(config.maxSize(), config.maxAge(), Clock.systemUTC());
        FunctionCounter.builder("ngs.security.token.checks", verified, VerifiedTokens::hits)
                .tag("outcome", "remembered")
                .register(metrics);
        FunctionCounter.builder("ngs.security.token.checks", verified, VerifiedTokens::misses)
                .tag("outcome", "verified")
                .register(metrics);
    }

    @Override
    public Class<TokenAuthenticationRequest> getRequestType() {
        return TokenAuthenticationRequest.class;
    }

    @Override
    public int priority() {
        return 2 * DEFAULT_PRIORITY_OF_PROVIDERS;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(
            TokenAuthenticationRequest request, AuthenticationRequestContext context) {
        if (!config.enabled() || !(request.getToken() instanceof AccessTokenCredential)) {
            return oidc.authenticate(request, context);
        }
        String token = request.getToken().getToken();
        Optional<SecurityIdentity> known = verified.find(token);
        if (known.isPresent()) {
            return Uni.createFrom().item(forThisRequest(known.get(), request));
        }
        return oidc.authenticate(request, context).invoke(identity -> remember(token, identity));
    }

    /** The cache's figures, for tests and for the metrics. */
    public VerifiedTokens verified() {
        return verified;
    }

    private void remember(String token, SecurityIdentity identity) {
        if (identity != null && identity.getPrincipal() instanceof JsonWebToken jwt && jwt.getExpirationTime() > 0) {
            verified.remember(token, Instant.ofEpochSecond(jwt.getExpirationTime()), identity);
        }
    }

    /**
     * OIDC attaches the request's routing context (and its blocking-call context) to the identity; a
     * remembered identity must carry the current request's, never the one of the request that verified it.
     */
    private static SecurityIdentity forThisRequest(SecurityIdentity remembered, TokenAuthenticationRequest request) {
        RoutingContext current = HttpSecurityUtils.getRoutingContextAttribute(request);
        if (current == null) {
            return remembered;
        }
        QuarkusSecurityIdentity.Builder identity =
                QuarkusSecurityIdentity.builder(remembered).addAttribute(RoutingContext.class.getName(), current);
        Object blocking = current.get(AuthenticationRequestContext.class.getName());
        if (blocking != null) {
            identity.addAttribute(AuthenticationRequestContext.class.getName(), blocking);
        }
        return identity.build();
    }
}
