package it.ngsiena.testkit;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

/** Reads a Server-Sent Events stream as text until it has been quiet for a while: a stream's backlog. */
public final class EventStreamReader {

    private EventStreamReader() {}

    /** Everything the stream sent until nothing came for {@code quiet} (or it ended), with these headers. */
    public static String untilQuiet(URI stream, Map<String, String> headers, Duration quiet) {
        try {
            HttpURLConnection connection = (HttpURLConnection) stream.toURL().openConnection();
            connection.setRequestProperty("Accept", "text/event-stream");
            headers.forEach(connection::setRequestProperty);
            connection.setReadTimeout((int) quiet.toMillis());
            StringBuilder read = new StringBuilder();
            try (BufferedReader reader =
                    new BufferedReader(new InputStreamReader(connection.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = reader.readLine()) != null) {
                    read.append(line).append('\n');
                }
            } catch (SocketTimeoutException quietNow) {
                // nothing more for now: what was there has been read
            } finally {
                connection.disconnect();
            }
            return read.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
