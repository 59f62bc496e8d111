package it.ngsiena.gateway.webhook;

import jakarta.enterprise.context.ApplicationScoped;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The tests' DNS: names they point where they like (and re-point, as a rebinding attacker would); others as the machine resolves them. */
@ApplicationScoped
public class ProgrammableResolver implements HostResolver {

    private static final Map<String, String> NAMES = new ConcurrentHashMap<>();

    public static void point(String host, String address) {
        NAMES.put(host, address);
    }

    @Override
    public List<InetAddress> resolve(String host) throws UnknownHostException {
        String address = NAMES.get(host);
        return address != null ? List.of(InetAddress.getByName(address)) : List.of(InetAddress.getAllByName(host));
    }
}
