package it.ngsiena.gateway.activity;

import it.ngsiena.kernel.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The open live streams, counted per caller and in all: a caller over its share is refused with 429, and
 * anyone once the replica's total is reached with 503 (both with Retry-After), so that open connections
 * cannot be piled up without bound.
 */
@ApplicationScoped
public class StreamSlots {

    static final String RETRY_AFTER_SECONDS = "30";

    /** One open stream; closing it (once) gives its place back. */
    public final class Slot implements AutoCloseable {
        private final String caller;
        private final AtomicInteger closed = new AtomicInteger();

        private Slot(String caller) {
            this.caller = caller;
        }

        @Override
        public void close() {
            if (closed.getAndIncrement() == 0) {
                total.decrementAndGet();
                perCaller.compute(caller, (k, n) -> n == null || n <= 1 ? null : n - 1);
            }
        }
    }

    private final int maxTotal;
    private final int maxPerCaller;
    private final AtomicInteger total = new AtomicInteger();
    private final ConcurrentHashMap<String, Integer> perCaller = new ConcurrentHashMap<>();

    @Inject
    StreamSlots(StreamsConfig config) {
        this(config.maxTotal(), config.maxPerCaller());
    }

    StreamSlots(int maxTotal, int maxPerCaller) {
        this.maxTotal = maxTotal;
        this.maxPerCaller = maxPerCaller;
    }

    /** A place for one more stream of {@code caller}, or the refusal. */
    public Slot open(String caller) {
        if (total.incrementAndGet() > maxTotal) {
            total.decrementAndGet();
            throw ProblemException.of(
                            503,
                            "too-many-streams",
                            "Too many open streams",
                            "This server has as many live streams open as it serves; try again shortly")
                    .withHeader("Retry-After", RETRY_AFTER_SECONDS);
        }
        boolean[] full = {false};
        perCaller.compute(caller, (k, n) -> {
            int open = n == null ? 0 : n;
            full[0] = open >= maxPerCaller;
            return full[0] ? n : open + 1;
        });
        if (full[0]) {
            total.decrementAndGet();
            throw ProblemException.of(
                            429,
                            "too-many-streams",
                            "Too many open streams",
                            "At most " + maxPerCaller + " live streams per caller; close one first")
                    .withHeader("Retry-After", RETRY_AFTER_SECONDS);
        }
        return new Slot(caller);
    }

    int open() {
        return total.get();
    }
}
