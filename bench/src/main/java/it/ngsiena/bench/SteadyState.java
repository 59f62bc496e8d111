package it.ngsiena.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Loads one endpoint in windows of {@link #WINDOW} until the throughput of two consecutive windows
 * differs by less than {@link #TOLERANCE} (at most {@code cap}), so that what is measured afterwards is
 * the steady state the JIT reaches, not the compiler at work. The windows are kept: those of the first
 * minute are what users see just after a deploy.
 */
final class SteadyState {

    static final Duration WINDOW = Duration.ofSeconds(5);
    static final double TOLERANCE = 0.05;

    /** The windows run on one endpoint, in order, and whether the last two agreed within the tolerance. */
    record WarmUp(String endpoint, List<Wrk.Result> windows, boolean steady) {

        long seconds() {
            return windows.size() * WINDOW.toSeconds();
        }

        Wrk.Result first() {
            return windows.get(0);
        }

        Wrk.Result last() {
            return windows.get(windows.size() - 1);
        }

        /** Requests per second over the first minute (or all windows, if fewer), weighted by requests. */
        double firstMinuteRequestsPerSecond() {
            List<Wrk.Result> minute = firstMinute();
            return minute.stream().mapToLong(Wrk.Result::requests).sum()
                    / (double) (minute.size() * WINDOW.toSeconds());
        }

        /** The worst window's p99 in the first minute: wrk gives no percentile across windows. */
        double firstMinuteWorstP99() {
            return firstMinute().stream()
                    .mapToDouble(Wrk.Result::p99Millis)
                    .max()
                    .orElse(Double.NaN);
        }

        private List<Wrk.Result> firstMinute() {
            int windowsPerMinute = (int) (60 / WINDOW.toSeconds());
            return windows.subList(0, Math.min(windowsPerMinute, windows.size()));
        }
    }

    private SteadyState() {}

    static WarmUp reach(String endpoint, String url, int connections, Path script, String bearer, Duration cap) {
        List<Wrk.Result> windows = new ArrayList<>();
        long maxWindows = Math.max(2, cap.toSeconds() / WINDOW.toSeconds());
        while (windows.size() < maxWindows) {
            windows.add(Wrk.run(url, connections, WINDOW, script, bearer));
            if (windows.size() >= 2 && agree(windows.get(windows.size() - 2), windows.get(windows.size() - 1))) {
                return new WarmUp(endpoint, windows, true);
            }
        }
        return new WarmUp(endpoint, windows, false);
    }

    private static boolean agree(Wrk.Result previous, Wrk.Result current) {
        double before = previous.requestsPerSecond();
        return before > 0 && Math.abs(current.requestsPerSecond() - before) / before < TOLERANCE;
    }
}
