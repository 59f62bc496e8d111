package it.ngsiena.gateway.webhook;

import it.ngsiena.kernel.net.IpLiterals;
import it.ngsiena.kernel.net.Network;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Keeps webhook deliveries away from the platform's own network (server-side request forgery): only
 * {@code https} URLs (plain {@code http} only where configured, for development), no credentials in the
 * URL, and a host whose every address is a public one. Loopback, private, link-local (where cloud metadata
 * services answer), shared, reserved and multicast addresses are refused unless an operator allowed their
 * block ({@code ngs.webhooks.allowed-networks}, e.g. a municipality's systems in the same data centre).
 * The delivery checks again and connects to the address it checked, so a name that later resolves elsewhere
 * (DNS rebinding) is refused then. An IPv6 address that carries an IPv4 one (IPv4-mapped, NAT64, 6to4) is
 * judged as that IPv4 address; the local-use NAT64 block and Teredo, whose IPv4 address cannot be told, are
 * refused. A refusal says the same whatever the name resolved to, so that it tells nothing of the network.
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
            Network.parse("100::/64"),
            // IETF protocol assignments: Teredo (2001::/32), benchmarking, ORCHID
            Network.parse("2001::/23"),
            Network.parse("2001:db8::/32"),
            // local-use NAT64 (RFC 8215): the IPv4 address behind it depends on the operator's prefix length
            Network.parse("64:ff9b:1::/48"),
            // what is left of ::/96 once its IPv4 forms are read (::, ::1, ::0.0.x.y)
            Network.parse("::/96"));

    /** What a refused host is told: the same whether it did not resolve or resolved to an address not allowed. */
    static final String HOST_NOT_ALLOWED =
            "names a host that deliveries may not reach (it must resolve to public addresses only)";

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
        this.allowed = Network.parseAll(allowedNetworks);
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
            throw new Refused(HOST_NOT_ALLOWED);
        }
        if (addresses.isEmpty() || !addresses.stream().allMatch(this::mayReach)) {
            throw new Refused(HOST_NOT_ALLOWED);
        }
        return new Target(uri, addresses.get(0));
    }

    /** Whether a delivery may connect to this address; an IPv6 form of an IPv4 address is judged as that address. */
    boolean mayReach(InetAddress address) {
        if (isAllowed(address)) {
            return true;
        }
        Optional<InetAddress> carried = IpLiterals.embeddedIpv4(address);
        if (carried.isPresent()) {
            return isAllowed(carried.get()) || isPublic(carried.get());
        }
        return isPublic(address);
    }

    private boolean isAllowed(InetAddress address) {
        return allowed.stream().anyMatch(n -> n.contains(address));
    }

    private static boolean isPublic(InetAddress address) {
        boolean special = address.isAnyLocalAddress()
                || address.isLoopbackAddress()
                || address.isLinkLocalAddress()
                || address.isSiteLocalAddress()
                || address.isMulticastAddress()
                || NOT_PUBLIC.stream().anyMatch(n -> n.contains(address));
        return !special;
    }
}
