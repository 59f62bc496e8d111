package it.ngsiena.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/** Free and busy TCP ports on the loopback interface. */
public final class Ports {

    private Ports() {}

    /** A port that was free a moment ago. */
    public static int free() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
