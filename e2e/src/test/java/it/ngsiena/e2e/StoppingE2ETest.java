package it.ngsiena.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import it.ngsiena.local.LocalPlatform;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The launcher's stop (what Ctrl-C and {@code ./run stop} run) ends every process it started within 30 s,
 * with clients on the live stream and after two services were killed and started again. It stops the
 * run's shared platform, so it runs last (junit-platform.properties orders the classes).
 */
@ExtendWith(RunningPlatform.class)
@Order(Integer.MAX_VALUE)
class StoppingE2ETest {

    @Test
    void everythingTheLauncherStartedEndsWithinThirtySeconds() throws Exception {
        LocalPlatform platform = RunningPlatform.platform();
        for (String service : List.of("participation", "gateway")) {
            platform.kill(service);
            platform.start(service);
        }
        HttpClient client = HttpClient.newHttpClient();
        List<CompletableFuture<HttpResponse<InputStream>>> streams = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            streams.add(client.sendAsync(
                    HttpRequest.newBuilder(URI.create(platform.gatewayUrl() + "/v1/activity/stream"))
                            .header("Accept", "text/event-stream")
                            .timeout(Duration.ofMinutes(5))
                            .build(),
                    HttpResponse.BodyHandlers.ofInputStream()));
        }
        for (var stream : streams) {
            assertThat(stream.get(30, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
        }
        List<ProcessHandle> started = ProcessHandle.current().descendants().toList();
        assertThat(started).as("five services and Keycloak").hasSizeGreaterThanOrEqualTo(6);

        long begin = System.nanoTime();
        RunningPlatform.stop();
        long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - begin);
        System.out.printf("[stopping] the platform stopped in %d s with 5 live streams open%n", seconds);

        assertThat(seconds).isLessThan(30);
        assertThat(started).noneMatch(ProcessHandle::isAlive);
        for (var stream : streams) {
            stream.join().body().close();
        }
    }
}
