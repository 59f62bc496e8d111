package it.ngsiena.kernel.net;

import java.net.InetAddress;
import java.util.Arrays;
import java.util.List;

/** An address block in CIDR notation, e.g. {@code 10.20.0.0/16} or {@code fc00::/7}. */
public record Network(byte[] prefixBytes, int prefixLength) {

    /** @throws IllegalArgumentException when it is not an IP literal with an optional prefix length (no name is looked up) */
    public static Network parse(String cidr) {
        String[] parts = cidr.strip().split("/", 2);
        byte[] bytes = IpLiterals.bytes(parts[0])
                .orElseThrow(() -> new IllegalArgumentException("not an address block: " + cidr));
        try {
            int length = parts.length == 2 ? Integer.parseInt(parts[1]) : bytes.length * 8;
            if (length < 0 || length > bytes.length * 8) {
                throw new IllegalArgumentException("prefix length out of range in " + cidr);
            }
            return new Network(bytes, length);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not an address block: " + cidr, e);
        }
    }

    /** The blocks of a comma-separated setting, blanks ignored. */
    public static List<Network> parseAll(List<String> cidrs) {
        return cidrs.stream().filter(s -> !s.isBlank()).map(Network::parse).toList();
    }

    public boolean contains(InetAddress address) {
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

    @Override
    public boolean equals(Object other) {
        return other instanceof Network n
                && n.prefixLength == prefixLength
                && Arrays.equals(n.prefixBytes, prefixBytes);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(prefixBytes) + prefixLength;
    }

    @Override
    public String toString() {
        return IpLiterals.ofBytes(prefixBytes).getHostAddress() + "/" + prefixLength;
    }
}
