package it.ngsiena.gateway.webhook;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;

/**
 * Keeps webhook deliveries away from the platform's own network (server-side request forgery): only
 * {@code https} URLs (plain {@code http} only where configured, for development), no credentials in the
 * URL, and a host whose every address is a public one. Loopback, private, link-local (where cloud metadata
 * services answer), shared, reserved and multicast addresses are refused unless an operator allowed their
 * block ({@code ngs.webhooks.allowed-networks}, e.g. a municipality's systems in the same data centre).
 * The delivery checks again and connects to the address it checked, so a name that later resolves elsewhere
 * (DNS rebinding) is refused then.
 */
@ApplicationScoped
public class TargetGuard {

    /** Blocks that are never the public internet, beside what {@link InetAddress} already classifies. */
    private static final List<Network> NOT_PUBLIC = List.of(
            Network.parse("0.0.0.0/8"),
            Network.parse("100.64.0.0/10"),
            Network.parse("192.0.0.0/24"),
            Network.parse("192.0.2.0/24"),
            Network.parse("198.18.0.0/15"),
            Network.parse("198.51.100.0/24"),
            Network.parse("203.0.113.0/24"),
            Network.parse("240.0.0.0/4"),
            Network.parse("fc00::/7"),
            Network.parse("64:ff9b::/96"),
            Network.parse("2001:db8::/32"),
            // IPv4-compatible IPv6 (deprecated; ::127.0.0.1 is not "loopback" to InetAddress)
            Network.parse("::/96"));

    /** Where a delivery goes: the URL, and the one address checked for its host. */
    public record Target(URI url, InetAddress address) {
        int port() {
            return url.getPort() != -1 ? url.getPort() : "https".equals(url.getScheme()) ? 443 : 80;
        }

        /** The path and query to request. */
        String pathAndQuery() {
            String path = url.getRawPath() == null || url.getRawPath().isEmpty() ? "/" : url.getRawPath();
            return url.getRawQuery() == null ? path : path + "?" + url.getRawQuery();
        }
    }

    /** Why a URL is refused, in words for the owner. */
    public static final class Refused extends Exception {
        Refused(String reason) {
            super(reason);
        }
    }

    private final HostResolver resolver;
    private final boolean allowPlainHttp;
    private final List<Network> allowed;

    @Inject
    TargetGuard(HostResolver resolver, WebhooksConfig config) {
        this(resolver, config.allowPlainHttp(), config.allowedNetworks().orElse(List.of()));
    }

    TargetGuard(HostResolver resolver, boolean allowPlainHttp, List<String> allowedNetworks) {
        this.resolver = resolver;
        this.allowPlainHttp = allowPlainHttp;
        this.allowed = allowedNetworks.stream()
                .filter(s -> !s.isBlank())
                .map(Network::parse)
                .toList();
    }

    /** The URL's form only (no lookup): for the request's validation. */
    public URI parse(String url) throws Refused {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw new Refused("is not a URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !(allowPlainHttp && scheme.equals("http"))) {
            throw new Refused(allowPlainHttp ? "must be an http or https URL" : "must be an https URL");
        }
        if (uri.getHost() == null || uri.getHost().isEmpty()) {
            throw new Refused("must name a host");
        }
        if (uri.getRawUserInfo() != null) {
            throw new Refused("must not carry credentials (the signature authenticates the platform)");
        }
        if (uri.getRawFragment() != null) {
            throw new Refused("must not have a fragment");
        }
        return uri;
    }

    /** The URL checked and its host resolved now; every address must be allowed. */
    public Target check(String url) throws Refused {
        URI uri = parse(url);
        String host = uri.getHost().startsWith("[")
                ? uri.getHost().substring(1, uri.getHost().length() - 1)
                : uri.getHost();
        List<InetAddress> addresses;
        try {
            addresses = resolver.resolve(host);
        } catch (UnknownHostException e) {
            throw new Refused("host " + host + " does not resolve");
        }
        if (addresses.isEmpty()) {
            throw new Refused("host " + host + " does not resolve");
        }
        for (InetAddress address : addresses) {
            if (!mayReach(address)) {
                throw new Refused("host " + host + " resolves to " + address.getHostAddress()
                        + ", an address of a private or reserved network");
            }
        }
        return new Target(uri, addresses.get(0));
    }

    boolean mayReach(InetAddress address) {
        if (allowed.stream().anyMatch(n -> n.contains(address))) {
            return true;
        }
        boolean special = address.isAnyLocalAddress()
                || address.isLoopbackAddress()
                || address.isLinkLocalAddress()
                || address.isSiteLocalAddress()
                || address.isMulticastAddress()
                || NOT_PUBLIC.stream().anyMatch(n -> n.contains(address));
        return !special;
    }
}
