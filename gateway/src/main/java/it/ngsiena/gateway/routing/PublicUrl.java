package it.ngsiena.gateway.routing;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Link;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The gateway's public base URL ({@code ngs.gateway.public-url}, env {@code NGS_GATEWAY_PUBLIC_URL}), the
 * one base of every absolute URL the gateway hands out ({@code Location}, {@code Link}). It is
 * configuration, never the request's {@code Host} header, which any client can set.
 */
@ApplicationScoped
public class PublicUrl {

    private final String base;

    PublicUrl(@ConfigProperty(name = "ngs.gateway.public-url") String base) {
        this.base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }

    /** The base, without a trailing slash, e.g. {@code https://api.ngsiena.example}. */
    public String base() {
        return base;
    }

    /** The public URL of a path with its query, e.g. {@code /v1/activity?cursor=x}. */
    public URI of(String rawPathAndQuery) {
        return URI.create(base + rawPathAndQuery);
    }

    /** The {@code Link} to the next page of a cursor-paged answer: this request, public, with the next cursor. */
    public Link nextPage(UriInfo request, String cursor) {
        String query = request.getRequestUriBuilder()
                .replaceQueryParam("cursor", cursor)
                .build()
                .getRawQuery();
        return Link.fromUri(of(request.getRequestUri().getRawPath() + "?" + query))
                .rel("next")
                .build();
    }
}
