package it.ngsiena.gateway.webhook;

import java.net.URI;
import java.net.URISyntaxException;

/** A receiver's URL as logs may show it: scheme, host, port and path, without a query (which may carry a token). */
final class Redacted {

    private Redacted() {}

    static String url(String url) {
        try {
            URI uri = new URI(url);
            String host = uri.getHost() == null ? "?" : uri.getHost();
            String port = uri.getPort() == -1 ? "" : ":" + uri.getPort();
            String path = uri.getRawPath() == null ? "" : uri.getRawPath();
            return uri.getScheme() + "://" + host + port + path + (uri.getRawQuery() == null ? "" : "?…");
        } catch (URISyntaxException e) {
            return "(a URL that cannot be read)";
        }
    }
}
