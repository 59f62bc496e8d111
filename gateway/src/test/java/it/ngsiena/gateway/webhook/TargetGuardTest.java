package it.ngsiena.gateway.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TargetGuardTest {

    /** A resolver that knows a few names; nothing goes to the network. */
    private static final Map<String, String> DNS = Map.of(
            "receiver.comune.example", "93.184.216.34",
            "metadata.example", "169.254.169.254",
            "intranet.example", "10.20.1.5",
            "mixed.example", "93.184.216.34");

    private static TargetGuard guard(boolean plainHttp, List<String> allowed) {
        return new TargetGuard(
                host -> {
                    if (host.equals("mixed.example")) {
                        return List.of(InetAddress.getByName("93.184.216.34"), InetAddress.getByName("192.168.1.1"));
                    }
                    String address = DNS.get(host);
                    return address == null
                            ? List.of(InetAddress.getByName(host))
                            : List.of(InetAddress.getByName(address));
                },
                plainHttp,
                allowed);
    }

    @Test
    void aPublicHttpsUrlIsAcceptedAndPinnedToTheAddressChecked() throws Exception {
        TargetGuard.Target target = guard(false, List.of()).check("https://receiver.comune.example/hook?x=1");
        assertThat(target.address().getHostAddress()).isEqualTo("93.184.216.34");
        assertThat(target.port()).isEqualTo(443);
        assertThat(target.pathAndQuery()).isEqualTo("/hook?x=1");
    }

    @Test
    void privateLoopbackLinkLocalAndReservedAddressesAreRefused() {
        TargetGuard guard = guard(false, List.of());
        for (String url : List.of(
                "https://127.0.0.1/",
                "https://[::1]/",
                "https://10.1.2.3/",
                "https://172.16.0.9/",
                "https://192.168.0.1/",
                "https://169.254.169.254/latest/meta-data",
                "https://metadata.example/",
                "https://intranet.example/",
                "https://100.64.0.1/",
                "https://0.0.0.0/",
                "https://[fd00:ec2::254]/",
                "https://[fe80::1]/",
                "https://[::ffff:127.0.0.1]/",
                "https://[::127.0.0.1]/",
                "https://224.0.0.1/",
                "https://mixed.example/")) {
            assertThatThrownBy(() -> guard.check(url))
                    .as(url)
                    .isInstanceOf(TargetGuard.Refused.class)
                    .hasMessageContaining("private or reserved");
        }
    }

    @Test
    void plainHttpCredentialsAndOtherSchemesAreRefused() {
        TargetGuard guard = guard(false, List.of());
        assertThatThrownBy(() -> guard.check("http://receiver.comune.example/")).hasMessage("must be an https URL");
        assertThatThrownBy(() -> guard.check("ftp://receiver.comune.example/")).hasMessage("must be an https URL");
        assertThatThrownBy(() -> guard.check("https://user:pw@receiver.comune.example/"))
                .hasMessageContaining("credentials");
        assertThatThrownBy(() -> guard.check("https:///nohost")).hasMessage("must name a host");
        assertThatThrownBy(() -> guard.check("not a url")).isInstanceOf(TargetGuard.Refused.class);
    }

    @Test
    void anAllowedBlockIsReachableAndNothingElseOfItsKind() throws Exception {
        TargetGuard guard = guard(true, List.of("10.20.0.0/16"));
        assertThat(guard.check("http://intranet.example:8443/").address().getHostAddress())
                .isEqualTo("10.20.1.5");
        assertThatThrownBy(() -> guard.check("http://10.21.0.1/")).isInstanceOf(TargetGuard.Refused.class);
        assertThatThrownBy(() -> guard.check("http://169.254.169.254/")).isInstanceOf(TargetGuard.Refused.class);
    }

    @Test
    void networksMatchOnTheirPrefixOnly() {
        Network block = Network.parse("172.16.0.0/12");
        assertThat(block.contains(address("172.31.255.255"))).isTrue();
        assertThat(block.contains(address("172.32.0.0"))).isFalse();
        assertThat(block.contains(address("::1"))).isFalse();
        assertThat(Network.parse("fc00::/7").contains(address("fdff::1"))).isTrue();
        assertThatThrownBy(() -> Network.parse("10.0.0.0/33")).isInstanceOf(IllegalArgumentException.class);
    }

    private static InetAddress address(String text) {
        try {
            return InetAddress.getByName(text);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
