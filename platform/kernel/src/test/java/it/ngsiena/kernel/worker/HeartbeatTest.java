package it.ngsiena.kernel.worker;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.junit.jupiter.api.Test;

/** The liveness answer of a worker thread (the consumer's and the relay's checks both ask their heartbeat). */
class HeartbeatTest {

    private static final Duration STUCK_AFTER = Duration.ofMillis(200);

    @Test
    void aWorkerThatNeverStartedOrWasStoppedIsNotALivenessProblem() throws Exception {
        Heartbeat heartbeat = new Heartbeat("relay");
        assertThat(heartbeat.check(STUCK_AFTER, Map.of()).getStatus()).isEqualTo(HealthCheckResponse.Status.UP);
        Thread ended = new Thread(() -> {});
        heartbeat.started(ended);
        ended.start();
        ended.join();
        heartbeat.stopped();
        assertThat(heartbeat.check(STUCK_AFTER, Map.of()).getStatus()).isEqualTo(HealthCheckResponse.Status.UP);
    }

    @Test
    void aWorkerThreadThatEndedWhileItShouldRunIsDown() throws Exception {
        Heartbeat heartbeat = new Heartbeat("relay");
        Thread worker = new Thread(() -> {});
        heartbeat.started(worker);
        worker.start();
        worker.join();
        HealthCheckResponse response = heartbeat.check(STUCK_AFTER, Map.of());
        assertThat(response.getStatus()).isEqualTo(HealthCheckResponse.Status.DOWN);
        assertThat(response.getData().orElseThrow().get("error")).isEqualTo("the relay thread has ended");
    }

    @Test
    void aLiveWorkerIsUpWhileItBeatsAndDownOnceItIsSilentForTooLong() throws Exception {
        Heartbeat heartbeat = new Heartbeat("consumer");
        CountDownLatch release = new CountDownLatch(1);
        Thread worker = new Thread(() -> {
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        heartbeat.started(worker);
        worker.start();
        try {
            HealthCheckResponse live = heartbeat.check(STUCK_AFTER, Map.of("lag", 7L));
            assertThat(live.getStatus()).isEqualTo(HealthCheckResponse.Status.UP);
            assertThat(live.getData().orElseThrow()).containsEntry("lag", 7L).containsKey("secondsSinceProgress");
            Thread.sleep(STUCK_AFTER.toMillis() + 100);
            HealthCheckResponse stuck = heartbeat.check(STUCK_AFTER, Map.of());
            assertThat(stuck.getStatus()).isEqualTo(HealthCheckResponse.Status.DOWN);
            assertThat((String) stuck.getData().orElseThrow().get("error")).startsWith("no progress for");
            heartbeat.restarted();
            assertThat(heartbeat.check(STUCK_AFTER, Map.of()).getStatus()).isEqualTo(HealthCheckResponse.Status.UP);
            assertThat(heartbeat.restarts()).isEqualTo(1);
        } finally {
            release.countDown();
            worker.join();
        }
    }
}
