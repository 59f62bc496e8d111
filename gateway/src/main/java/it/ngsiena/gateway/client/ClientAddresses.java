package it.ngsiena.gateway.client;

import io.quarkus.runtime.Startup;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import it.ngsiena.kernel.net.IpLiterals;
import it.ngsiena.kernel.net.Network;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The address a request comes from, as far as the gateway can trust it. The peer's address, unless the
 * peer is one of the trusted proxies ({@code ngs.gateway.trusted-proxies}, env
 * {@code NGS_GATEWAY_TRUSTED_PROXIES}: the ingress controller's or the reverse proxy's addresses or blocks):
 * then the hops the proxies added to {@code X-Forwarded-For} (or, without it, {@code Forwarded}) are read from
 * the right, and the first one that is not a trusted proxy is the client. A proxy appends what it saw to
 * whatever the client sent, so only the right-hand part is the proxies' word; the left-most hop, which
 * Quarkus's own forwarding support takes ({@code quarkus.http.proxy.*}), is whatever the client wrote.
 * Forwarded headers from any other peer are ignored. An IPv6 client counts by its /64, which one
 * subscriber usually holds whole.
 */
// made at start: a trusted proxy that is not an address or block stops the start, not each request
@Startup
@ApplicationScoped
public class ClientAddresses {

    private static final String KEY = "ngs.client-address";

    private final List<Network> trusted;

    @Inject
    ClientAddresses(@ConfigProperty(name = "ngs.gateway.trusted-proxies") Optional<List<String>> trustedProxies) {
        this(Network.parseAll(trustedProxies.orElse(List.of())));
    }

    ClientAddresses(List<Network> trusted) {
        this.trusted = List.copyOf(trusted);
    }

    /** The client's address for this request (worked out once per request). */
    public String of(RoutingContext ctx) {
        String known = ctx.get(KEY);
        if (known == null) {
            known = of(ctx.request());
            ctx.put(KEY, known);
        }
        return known;
    }

    String of(HttpServerRequest request) {
        // the connection's peer: never rewritten by a forwarding header
        var peer = request.connection() == null ? null : request.connection().remoteAddress();
        String peerHost = peer == null ? null : peer.hostAddress();
        return resolve(peerHost, hops(request));
    }

    /** The address to count a request by, given its peer and the forwarded hops, oldest first. */
    String resolve(String peer, List<String> hops) {
        Optional<InetAddress> peerAddress = IpLiterals.parse(peer);
        if (peerAddress.isEmpty()) {
            return peer == null ? "unknown" : peer;
        }
        InetAddress client = peerAddress.get();
        for (int i = hops.size() - 1; i >= 0 && isTrusted(client); i--) {
            Optional<InetAddress> hop = IpLiterals.parse(withoutPort(hops.get(i)));
            if (hop.isEmpty()) {
                break; // "unknown", an obfuscated name or garbage: the last proxy's peer is all that is known
            }
            client = hop.get();
        }
        return key(client);
    }

    private boolean isTrusted(InetAddress address) {
        InetAddress v4 = IpLiterals.embeddedIpv4(address).orElse(address);
        return trusted.stream().anyMatch(n -> n.contains(address) || n.contains(v4));
    }

    /** The address as counted: an IPv4 one as it is (also when it comes IPv6-mapped), an IPv6 one by its /64. */
    static String key(InetAddress address) {
        if (!(address instanceof Inet6Address)) {
            return address.getHostAddress();
        }
        Optional<InetAddress> v4 = IpLiterals.embeddedIpv4(address);
        if (v4.isPresent()) {
            return v4.get().getHostAddress();
        }
        byte[] prefix = Arrays.copyOf(address.getAddress(), 16);
        Arrays.fill(prefix, 8, 16, (byte) 0);
        try {
            return InetAddress.getByAddress(prefix).getHostAddress() + "/64";
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e); // 16 bytes are always an address
        }
    }

    /** The forwarded hops, oldest first: X-Forwarded-For's entries, else the for= of Forwarded's. */
    private static List<String> hops(HttpServerRequest request) {
        List<String> hops = new ArrayList<>();
        List<String> forwardedFor = request.headers().getAll("X-Forwarded-For");
        if (!forwardedFor.isEmpty()) {
            forwardedFor.forEach(
                    h -> Arrays.stream(h.split(",")).map(String::strip).forEach(hops::add));
            return hops;
        }
        for (String header : request.headers().getAll("Forwarded")) {
            for (String element : header.split(",")) {
                for (String pair : element.split(";")) {
                    String[] nameValue = pair.strip().split("=", 2);
                    if (nameValue.length == 2 && nameValue[0].equalsIgnoreCase("for")) {
                        hops.add(nameValue[1].strip().replace("\"", ""));
                    }
                }
            }
        }
        return hops;
    }

    /** {@code 192.0.2.1:4711} and {@code [2001:db8::1]:4711} without the port; other forms as they are. */
    static String withoutPort(String hop) {
        if (hop.startsWith("[")) {
            int end = hop.indexOf(']');
            return end < 0 ? hop : hop.substring(1, end);
        }
        int colon = hop.indexOf(':');
        return colon > 0 && colon == hop.lastIndexOf(':') ? hop.substring(0, colon) : hop;
    }
}
