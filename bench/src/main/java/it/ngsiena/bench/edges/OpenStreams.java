package it.ngsiena.bench.edges;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Many anonymous live streams held open at once, as many browsers showing the activity page would: each its
 * own connection from one of several loopback addresses (a caller keeps at most 10 streams open), read on a
 * thread of its own, counting the events it gets.
 */
final class OpenStreams implements AutoCloseable {

    private final List<Socket> sockets = new ArrayList<>();
    private final AtomicLong events = new AtomicLong();
    private final AtomicLong refused = new AtomicLong();

    /** Opens {@code count} streams to {@code port} on 127.0.0.1, {@code perAddress} from each of 127.0.0.10, .11, ... */
    static OpenStreams open(int port, int count, int perAddress) throws Exception {
        OpenStreams streams = new OpenStreams();
        CountDownLatch answered = new CountDownLatch(count);
        for (int i = 0; i < count; i++) {
            String from = "127.0.0." + (10 + i / perAddress);
            Socket socket = new Socket();
            socket.bind(new InetSocketAddress(from, 0));
            socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
            streams.sockets.add(socket);
            OutputStream out = socket.getOutputStream();
            out.write(("GET /v1/activity/stream HTTP/1.1\r\nHost: 127.0.0.1:" + port
                            + "\r\nAccept: text/event-stream\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            Thread reader = new Thread(() -> streams.read(socket, answered), "stream-" + i);
            reader.setDaemon(true);
            reader.start();
        }
        answered.await(60, TimeUnit.SECONDS);
        return streams;
    }

    private void read(Socket socket, CountDownLatch answered) {
        try (BufferedReader in =
                new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8))) {
            String status = in.readLine();
            if (status == null || !status.contains(" 200 ")) {
                refused.incrementAndGet();
                answered.countDown();
                return;
            }
            answered.countDown();
            String line;
            while ((line = in.readLine()) != null) {
                if (line.startsWith("data:")) {
                    events.incrementAndGet();
                }
            }
        } catch (IOException closed) {
            // the bench closes its streams at the end
        }
    }

    long events() {
        return events.get();
    }

    long refused() {
        return refused.get();
    }

    @Override
    public void close() {
        for (Socket socket : sockets) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
    }
}
