package it.ngsiena.kernel.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import org.junit.jupiter.api.Test;

class NetworkTest {

    @Test
    void networksMatchOnTheirPrefixOnly() {
        Network block = Network.parse("172.16.0.0/12");
        assertThat(block.contains(address("172.31.255.255"))).isTrue();
        assertThat(block.contains(address("172.32.0.0"))).isFalse();
        assertThat(block.contains(address("::1"))).isFalse();
        assertThat(Network.parse("fc00::/7").contains(address("fdff::1"))).isTrue();
        assertThat(Network.parse("10.1.2.3").contains(address("10.1.2.3"))).isTrue();
        assertThat(Network.parse("10.1.2.3").contains(address("10.1.2.4"))).isFalse();
        assertThat(Network.parse("10.0.0.0/8")).hasToString("10.0.0.0/8");
        assertThatThrownBy(() -> Network.parse("10.0.0.0/33")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Network.parse("proxy.internal/32"))
                .as("a name is never looked up")
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void literalsAreReadWithoutAskingDns() {
        assertThat(IpLiterals.parse("192.0.2.7")).contains(address("192.0.2.7"));
        assertThat(IpLiterals.parse("[2001:db8::1]")).contains(address("2001:db8::1"));
        assertThat(IpLiterals.parse(" 2001:db8::1 ")).contains(address("2001:db8::1"));
        assertThat(IpLiterals.parse("64:ff9b::10.0.0.7")).contains(address("64:ff9b::a00:7"));
        assertThat(IpLiterals.parse("localhost")).isEmpty();
        assertThat(IpLiterals.parse("::example.org")).isEmpty();
        assertThat(IpLiterals.parse("unknown")).isEmpty();
        assertThat(IpLiterals.parse("1.2.3")).isEmpty();
        assertThat(IpLiterals.parse(null)).isEmpty();
    }

    @Test
    void theIpv4AddressCarriedByAnIpv6FormIsRead() throws Exception {
        assertThat(IpLiterals.embeddedIpv4(v6("::ffff:127.0.0.1"))).contains(address("127.0.0.1"));
        assertThat(IpLiterals.embeddedIpv4(v6("::10.1.2.3"))).contains(address("10.1.2.3"));
        assertThat(IpLiterals.embeddedIpv4(v6("64:ff9b::c0a8:0101"))).contains(address("192.168.1.1"));
        assertThat(IpLiterals.embeddedIpv4(v6("2002:c0a8:0101:1::5"))).contains(address("192.168.1.1"));
        assertThat(IpLiterals.embeddedIpv4(v6("::1"))).isEmpty();
        assertThat(IpLiterals.embeddedIpv4(v6("2a00:1450:4002:800::200e"))).isEmpty();
        assertThat(IpLiterals.embeddedIpv4(address("10.1.2.3"))).isEmpty();
    }

    private static InetAddress v6(String literal) throws Exception {
        byte[] bytes = IpLiterals.parse(literal).orElseThrow().getAddress();
        if (bytes.length == 4) {
            byte[] mapped = new byte[16];
            mapped[10] = (byte) 0xff;
            mapped[11] = (byte) 0xff;
            System.arraycopy(bytes, 0, mapped, 12, 4);
            bytes = mapped;
        }
        return java.net.Inet6Address.getByAddress(null, bytes, -1);
    }

    private static InetAddress address(String literal) {
        return IpLiterals.parse(literal).orElseThrow();
    }
}
