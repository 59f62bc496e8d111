package it.ngsiena.kernel.net;

import io.netty.util.NetUtil;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * IP addresses written as text, read without ever asking DNS ({@link InetAddress#getByName} would look a
 * name up), and the IPv4 address that some IPv6 forms carry.
 */
public final class IpLiterals {

    private static final Network IPV4_MAPPED = Network.parse("::ffff:0:0/96");
    private static final Network IPV4_COMPATIBLE = Network.parse("::/96");
    private static final Network NAT64_WELL_KNOWN = Network.parse("64:ff9b::/96");
    private static final Network SIX_TO_FOUR = Network.parse("2002::/16");

    private static final Pattern IPV6_WITH_IPV4_TAIL = Pattern.compile("[0-9A-Fa-f:]*:[0-9]{1,3}(\\.[0-9]{1,3}){3}");

    private IpLiterals() {}

    /** The address, when {@code text} is an IPv4 or IPv6 literal (brackets allowed); empty for anything else. */
    public static Optional<InetAddress> parse(String text) {
        return bytes(text).map(IpLiterals::ofBytes);
    }

    /**
     * The literal's bytes as written: 16 for any IPv6 form ({@link InetAddress} would make {@code ::ffff:a.b.c.d}
     * an IPv4 address of 4).
     */
    static Optional<byte[]> bytes(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String literal = text.strip();
        if (literal.startsWith("[") && literal.endsWith("]")) {
            literal = literal.substring(1, literal.length() - 1);
        }
        byte[] bytes = NetUtil.createByteArrayFromIpAddressString(literal);
        if (bytes == null && IPV6_WITH_IPV4_TAIL.matcher(literal).matches()) {
            // e.g. 64:ff9b::10.0.0.7, which Netty does not read; a text with a colon is never looked up by the JDK
            try {
                byte[] read = InetAddress.getByName(literal).getAddress();
                bytes = read.length == 16 ? read : mapped(read);
            } catch (UnknownHostException e) {
                return Optional.empty();
            }
        }
        return Optional.ofNullable(bytes);
    }

    private static byte[] mapped(byte[] ipv4) {
        byte[] bytes = new byte[16];
        bytes[10] = (byte) 0xff;
        bytes[11] = (byte) 0xff;
        System.arraycopy(ipv4, 0, bytes, 12, 4);
        return bytes;
    }

    static InetAddress ofBytes(byte[] bytes) {
        try {
            return InetAddress.getByAddress(bytes);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("an address has 4 or 16 bytes, not " + bytes.length, e);
        }
    }

    /**
     * The IPv4 address an IPv6 address stands for, where the form says which: IPv4-mapped
     * ({@code ::ffff:a.b.c.d}), IPv4-compatible ({@code ::a.b.c.d}, deprecated), NAT64 with the well-known
     * prefix ({@code 64:ff9b::a.b.c.d}) and 6to4 ({@code 2002:aabb:ccdd::/48}). Empty for any other address.
     */
    public static Optional<InetAddress> embeddedIpv4(InetAddress address) {
        byte[] bytes = address.getAddress();
        if (bytes.length != 16) {
            return Optional.empty();
        }
        if (IPV4_MAPPED.contains(address) || NAT64_WELL_KNOWN.contains(address)) {
            return Optional.of(ofBytes(Arrays.copyOfRange(bytes, 12, 16)));
        }
        if (IPV4_COMPATIBLE.contains(address)) {
            byte[] v4 = Arrays.copyOfRange(bytes, 12, 16);
            // :: and ::1 are the unspecified and loopback addresses, not IPv4 ones; 0.0.0.0/16 is left to the caller
            return v4[0] == 0 && v4[1] == 0 ? Optional.empty() : Optional.of(ofBytes(v4));
        }
        if (SIX_TO_FOUR.contains(address)) {
            return Optional.of(ofBytes(Arrays.copyOfRange(bytes, 2, 6)));
        }
        return Optional.empty();
    }
}
