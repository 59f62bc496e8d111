package it.ngsiena.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** HTTP load with wrk (Debian package): fixed connections for a fixed time, latency percentiles. */
final class Wrk {

    record Result(double requestsPerSecond, double p50Millis, double p99Millis, long requests, long errors) {}

    private static final Pattern RPS = Pattern.compile("Requests/sec:\\s+([\\d.]+)");
    private static final Pattern REQUESTS = Pattern.compile("(\\d+) requests in");
    private static final Pattern NON_2XX = Pattern.compile("Non-2xx or 3xx responses:\\s+(\\d+)");
    private static final Pattern SOCKET_ERRORS =
            Pattern.compile("Socket errors: connect (\\d+), read (\\d+), write (\\d+), timeout (\\d+)");

    private Wrk() {}

    /**
     * @param script a Lua script (for POST requests), or null for GET
     * @param bearer an access token, or null for anonymous requests
     */
    static Result run(String url, int connections, Duration duration, Path script, String bearer) {
        List<String> command = new ArrayList<>(List.of(
                "wrk", "-t2", "-c" + connections, "-d" + duration.toSeconds() + "s", "--latency", "--timeout", "10s"));
        if (bearer != null) {
            command.addAll(List.of("-H", "Authorization: Bearer " + bearer));
        }
        if (script != null) {
            command.addAll(List.of("-s", script.toString()));
        }
        command.add(url);
        String out = Command.run(command, Map.of(), duration.plusSeconds(60));
        long errors = find(NON_2XX, out).map(Long::parseLong).orElse(0L);
        Matcher socket = SOCKET_ERRORS.matcher(out);
        if (socket.find()) {
            for (int i = 1; i <= 4; i++) {
                errors += Long.parseLong(socket.group(i));
            }
        }
        return new Result(
                Double.parseDouble(find(RPS, out).orElseThrow(() -> unreadable(out))),
                latency(out, "50%"),
                latency(out, "99%"),
                Long.parseLong(find(REQUESTS, out).orElseThrow(() -> unreadable(out))),
                errors);
    }

    /** A line of wrk's latency distribution, such as "     99%   12.34ms", in milliseconds. */
    private static double latency(String out, String percentile) {
        Matcher m = Pattern.compile(
                        "^\\s+" + Pattern.quote(percentile) + "\\s+([\\d.]+)(us|ms|s)\\s*$", Pattern.MULTILINE)
                .matcher(out);
        if (!m.find()) {
            throw unreadable(out);
        }
        double value = Double.parseDouble(m.group(1));
        return switch (m.group(2)) {
            case "us" -> value / 1000;
            case "s" -> value * 1000;
            default -> value;
        };
    }

    private static java.util.Optional<String> find(Pattern pattern, String out) {
        Matcher m = pattern.matcher(out);
        return m.find() ? java.util.Optional.of(m.group(1)) : java.util.Optional.empty();
    }

    private static IllegalStateException unreadable(String out) {
        return new IllegalStateException("cannot read wrk's output:\n" + out);
    }
}
