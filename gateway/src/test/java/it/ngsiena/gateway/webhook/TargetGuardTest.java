package it.ngsiena.gateway.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import it.ngsiena.kernel.net.IpLiterals;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.HashMap;
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
                    .hasMessage(TargetGuard.HOST_NOT_ALLOWED);
        }
    }

    @Test
    void aHostThatDoesNotResolveIsToldTheSameAsAPrivateOne() {
        TargetGuard guard = new TargetGuard(
                host -> {
                    throw new UnknownHostException(host);
                },
                false,
                List.of());
        assertThatThrownBy(() -> guard.check("https://intranet-only.example/"))
                .hasMessage(TargetGuard.HOST_NOT_ALLOWED);
    }

    /**
     * A name whose AAAA record carries an IPv4 address: the resolver hands back an Inet6Address (as the
     * system's does), on which InetAddress's own loopback and private checks are all false.
     */
    @Test
    void ipv6FormsOfAnIpv4AddressAreJudgedAsThatAddress() throws Exception {
        Map<String, InetAddress> aaaa = Map.of(
                "mapped-loopback.example", v6("::ffff:127.0.0.1"),
                "mapped-private.example", v6("::ffff:10.0.0.7"),
                "mapped-metadata.example", v6("::ffff:169.254.169.254"),
                "compatible-private.example", v6("::192.168.1.1"),
                "nat64-private.example", v6("64:ff9b::10.0.0.7"),
                "nat64-local-use.example", v6("64:ff9b:1::5db8:d822"),
                "sixtofour-private.example", v6("2002:0a00:0007::1"),
                "sixtofour-loopback.example", v6("2002:7f00:0001::1"),
                "teredo.example", v6("2001:0:4136:e378:8000:63bf:3fff:fdd2"));
        Map<String, InetAddress> publicOnes = Map.of(
                "mapped-public.example", v6("::ffff:93.184.216.34"),
                "nat64-public.example", v6("64:ff9b::93.184.216.34"),
                "sixtofour-public.example", v6("2002:5db8:d822::1"),
                "native-public.example", v6("2a00:1450:4002:800::200e"));
        HashMap<String, InetAddress> names = new HashMap<>(aaaa);
        names.putAll(publicOnes);
        TargetGuard guard = new TargetGuard(host -> List.of(names.get(host)), false, List.of());
        for (String host : aaaa.keySet()) {
            assertThat(aaaa.get(host)).as(host).isInstanceOf(Inet6Address.class);
            assertThatThrownBy(() -> guard.check("https://" + host + "/"))
                    .as(host)
                    .hasMessage(TargetGuard.HOST_NOT_ALLOWED);
        }
        for (String host : publicOnes.keySet()) {
            assertThat(guard.check("https://" + host + "/").address()).as(host).isEqualTo(publicOnes.get(host));
        }
        // an allowed block covers the IPv4 address in whichever form it comes
        TargetGuard allowing = new TargetGuard(host -> List.of(names.get(host)), false, List.of("10.0.0.0/8"));
        assertThat(allowing.check("https://mapped-private.example/").address()).isEqualTo(v6("::ffff:10.0.0.7"));
        assertThatThrownBy(() -> allowing.check("https://mapped-loopback.example/"))
                .isInstanceOf(TargetGuard.Refused.class);
    }

    /** The address as an Inet6Address whatever it holds (InetAddress.getByName would turn ::ffff:a.b.c.d into IPv4). */
    private static InetAddress v6(String literal) throws Exception {
        byte[] bytes = IpLiterals.parse(literal).orElseThrow().getAddress();
        return Inet6Address.getByAddress(null, bytes.length == 16 ? bytes : mapped(bytes), -1);
    }

    private static byte[] mapped(byte[] ipv4) {
        byte[] bytes = new byte[16];
        bytes[10] = (byte) 0xff;
        bytes[11] = (byte) 0xff;
        System.arraycopy(ipv4, 0, bytes, 12, 4);
        return bytes;
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
}
