package it.ngsiena.gateway.client;

import static org.assertj.core.api.Assertions.assertThat;

import it.ngsiena.kernel.net.Network;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Who the client is, from the peer and the hops the proxies forwarded (oldest first). */
class ClientAddressesTest {

    private final ClientAddresses behindIngress =
            new ClientAddresses(List.of(Network.parse("10.42.0.0/16"), Network.parse("192.0.2.10")));
    private final ClientAddresses alone = new ClientAddresses(List.of());

    @Test
    void withoutTrustedProxiesThePeerIsTheClientWhateverItForwards() {
        assertThat(alone.resolve("198.51.100.7", List.of("203.0.113.1"))).isEqualTo("198.51.100.7");
        assertThat(behindIngress.resolve("198.51.100.7", List.of("203.0.113.1")))
                .isEqualTo("198.51.100.7");
    }

    @Test
    void theNearestHopThatIsNotATrustedProxyIsTheClient() {
        assertThat(behindIngress.resolve("10.42.3.4", List.of("203.0.113.1"))).isEqualTo("203.0.113.1");
        // the client wrote the first hop itself; the ingress appended what it saw
        assertThat(behindIngress.resolve("10.42.3.4", List.of("1.1.1.1", "203.0.113.1")))
                .isEqualTo("203.0.113.1");
        // two trusted proxies in a row (a load balancer, then the ingress)
        assertThat(behindIngress.resolve("10.42.3.4", List.of("203.0.113.1", "192.0.2.10")))
                .isEqualTo("203.0.113.1");
        assertThat(behindIngress.resolve("10.42.3.4", List.of("203.0.113.1:4711")))
                .isEqualTo("203.0.113.1");
        assertThat(behindIngress.resolve("10.42.3.4", List.of("[2001:db8:1:2:3:4:5:6]:4711")))
                .isEqualTo("2001:db8:1:2:0:0:0:0/64");
    }

    @Test
    void aHopThatIsNotAnAddressEndsTheWalkAtTheProxyThatWroteIt() {
        assertThat(behindIngress.resolve("10.42.3.4", List.of("203.0.113.1", "unknown")))
                .isEqualTo("10.42.3.4");
        assertThat(behindIngress.resolve("10.42.3.4", List.of())).isEqualTo("10.42.3.4");
    }

    @Test
    void ipv6ClientsCountByTheirSlash64AndMappedOnesAsIpv4() {
        assertThat(alone.resolve("2001:db8:aa:bb:1:2:3:4", List.of())).isEqualTo("2001:db8:aa:bb:0:0:0:0/64");
        assertThat(alone.resolve("2001:db8:aa:bb:ffff:2:3:4", List.of())).isEqualTo("2001:db8:aa:bb:0:0:0:0/64");
        assertThat(alone.resolve("::ffff:198.51.100.7", List.of())).isEqualTo("198.51.100.7");
        // a trusted proxy seen through a dual-stack socket
        assertThat(behindIngress.resolve("::ffff:10.42.3.4", List.of("203.0.113.1")))
                .isEqualTo("203.0.113.1");
    }
}
