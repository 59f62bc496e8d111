package it.ngsiena.gateway.webhook;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** An address block in CIDR notation, e.g. {@code 10.20.0.0/16} or {@code fc00::/7}. */
record Network(byte[] prefixBytes, int prefixLength) {

    static Network parse(String cidr) {
        String[] parts = cidr.strip().split("/", 2);
        try {
            byte[] address = InetAddress.getByName(parts[0]).getAddress();
            int length = parts.length == 2 ? Integer.parseInt(parts[1]) : address.length * 8;
            if (length < 0 || length > address.length * 8) {
                throw new IllegalArgumentException("prefix length out of range in " + cidr);
            }
            return new Network(address, length);
        } catch (UnknownHostException | NumberFormatException e) {
            throw new IllegalArgumentException("not an address block: " + cidr, e);
        }
    }

    boolean contains(InetAddress address) {
        byte[] bytes = address.getAddress();
        if (bytes.length != prefixBytes.length) {
            return false;
        }
        int whole = prefixLength / 8;
        for (int i = 0; i < whole; i++) {
            if (bytes[i] != prefixBytes[i]) {
                return false;
            }
        }
        int rest = prefixLength % 8;
        if (rest == 0) {
            return true;
        }
        int mask = 0xff << (8 - rest) & 0xff;
        return (bytes[whole] & mask) == (prefixBytes[whole] & mask);
    }
}
