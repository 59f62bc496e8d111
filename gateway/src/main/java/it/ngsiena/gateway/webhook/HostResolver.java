package it.ngsiena.gateway.webhook;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

/**
 * Turns a host name into addresses. One seam so that a test can make a name change its addresses between
 * registration and delivery (DNS rebinding), which the delivery must notice.
 */
public interface HostResolver {

    List<InetAddress> resolve(String host) throws UnknownHostException;
}
