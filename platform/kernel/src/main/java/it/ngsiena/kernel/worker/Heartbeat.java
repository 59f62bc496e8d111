package it.ngsiena.kernel.worker;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.microprofile.health.HealthCheckResponse;

/**
 * What a long-running worker thread (the event consumer, the outbox relay) tells its liveness check:
 * whether it should run, whether its thread lives, when it last finished a loop, how often it started
 * again. A worker that died or hangs cannot recover by itself, so the orchestrator should restart the
 * service; a worker that keeps failing and backing off is alive (it beats on every try).
 */
public final class Heartbeat {

    private final String name;
    private final AtomicLong restarts = new AtomicLong();
    private volatile Thread thread;
    private volatile boolean expected;
    private volatile long lastBeat = System.nanoTime();

    public Heartbeat(String name) {
        this.name = name;
    }

    /** The worker runs on {@code worker} from now on. */
    public void started(Thread worker) {
        thread = worker;
        expected = true;
        beat();
    }

    /** The service stops: the worker is not expected to run any more. */
    public void stopped() {
        expected = false;
    }

    public void beat() {
        lastBeat = System.nanoTime();
    }

    /** The worker recovered from a failure by starting its loop again. */
    public void restarted() {
        restarts.incrementAndGet();
        beat();
    }

    public long restarts() {
        return restarts.get();
    }

    /**
     * The liveness answer: DOWN when the worker should run and its thread ended or has not beaten for
     * {@code stuckAfter}; {@code figures} (such as a lag or a backlog) go into its data for operators.
     */
    public HealthCheckResponse check(Duration stuckAfter, Map<String, Long> figures) {
        var response = HealthCheckResponse.named(name);
        figures.forEach(response::withData);
        Thread worker = thread;
        if (!expected || worker == null) {
            return response.up().withData("running", false).build();
        }
        long silent = System.nanoTime() - lastBeat;
        response.withData("secondsSinceProgress", Duration.ofNanos(silent).toSeconds())
                .withData("restarts", restarts());
        if (!worker.isAlive()) {
            return response.down()
                    .withData("error", "the " + name + " thread has ended")
                    .build();
        }
        if (silent > stuckAfter.toNanos()) {
            return response.down()
                    .withData(
                            "error",
                            "no progress for " + Duration.ofNanos(silent).toSeconds() + " s")
                    .build();
        }
        return response.up().build();
    }
}
