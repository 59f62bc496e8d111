package it.ngsiena.kernel.worker;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A background task run on a daemon thread of its own, every {@code every} after the previous run ended,
 * and on demand ({@link #now}); runs never overlap. Stopped with the service ({@link #stop}).
 */
public final class Periodic {

    private final ScheduledExecutorService executor;
    private final Runnable task;
    private final AtomicBoolean requested = new AtomicBoolean();

    private Periodic(String name, Runnable task) {
        this.task = task;
        this.executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, name);
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Starts running {@code task} on a thread named {@code name}, first after {@code every}. */
    public static Periodic start(String name, Duration every, Runnable task) {
        Periodic periodic = new Periodic(name, task);
        periodic.executor.scheduleWithFixedDelay(task, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
        return periodic;
    }

    /**
     * Runs the task once more as soon as the thread is free (ignored once stopped). Calls made while such a
     * run is still waiting are merged into it: a caller waking the task for every event (hundreds a second)
     * queues one run, not hundreds.
     */
    public void now() {
        if (!executor.isShutdown() && requested.compareAndSet(false, true)) {
            executor.execute(() -> {
                requested.set(false);
                task.run();
            });
        }
    }

    public void stop() {
        executor.shutdownNow();
    }

    /**
     * Stops without interrupting a run under way: no new run starts, the current one gets up to {@code grace} to
     * end (a task that should end early checks a flag of its own), then the thread is interrupted.
     */
    public void stopAfterRun(Duration grace) {
        executor.shutdown();
        try {
            if (!executor.awaitTermination(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                executor.shutdownNow();
            }
        } catch (InterruptedException e) {
            executor.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
