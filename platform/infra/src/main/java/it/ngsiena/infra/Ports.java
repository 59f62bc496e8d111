package it.ngsiena.infra;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

/** Free and busy TCP ports on the loopback interface. */
public final class Ports {

    private Ports() {}

    /** Where {@link #free} looks: below Linux's default ephemeral range (32768–60999). */
    private static final int LOWEST = 20000;

    private static final int BELOW_EPHEMERAL = 32768;

    /** Every port this JVM has handed out: never handed out twice, though a process may not have bound it yet. */
    private static final Set<Integer> HANDED_OUT = ConcurrentHashMap.newKeySet();

    /**
     * A port that was free a moment ago and that this JVM has not handed out before. It is taken below the
     * ephemeral range, where the system picks the local ports of outgoing connections: a port chosen by asking the
     * system for one (bind to 0) may become the source port of some connection before the process that wanted it
     * binds it.
     */
    public static int free() {
        for (int attempt = 0; attempt < 1000; attempt++) {
            int port = ThreadLocalRandom.current().nextInt(LOWEST, BELOW_EPHEMERAL);
            if (claim(port)) {
                return port;
            }
        }
        throw new IllegalStateException("No free port between " + LOWEST + " and " + BELOW_EPHEMERAL);
    }

    /** Takes the port if it is free and this JVM has not handed it out; false otherwise. */
    public static boolean claim(int port) {
        return HANDED_OUT.add(port) && isFree(port);
    }

    public static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** Fails with a message naming what wanted the port and how to choose another. */
    public static void requireFree(int port, String what, String setting) {
        if (!isFree(port)) {
            throw new PortInUseException("Port " + port + " for " + what + " is already in use. Stop whatever"
                    + " listens there, or choose another port with " + setting + ".");
        }
    }

    /** A port needed by the platform is taken. */
    public static class PortInUseException extends RuntimeException {
        public PortInUseException(String message) {
            super(message);
        }
    }
}
