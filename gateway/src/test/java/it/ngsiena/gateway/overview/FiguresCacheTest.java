package it.ngsiena.gateway.overview;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import it.ngsiena.gateway.FakeServicesResource;
import it.ngsiena.testkit.PlatformTestResource;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The figures cache with a staleness bound, as production runs it (the other tests run it exact): a
 * value younger than the bound is served for later positions; an older one is still served while one
 * background computation replaces it, so no request waits for a recount. In a Quarkus test for the
 * background computation's transaction.
 */
@QuarkusTest
@WithTestResource(PlatformTestResource.class)
@WithTestResource(FakeServicesResource.class)
class FiguresCacheTest {

    @Test
    void aStaleValueIsServedWhileOneBackgroundComputationReplacesIt() throws Exception {
        FiguresCache cache = new FiguresCache(Duration.ofMillis(300));
        AtomicInteger computations = new AtomicInteger();
        assertThat(cache.get("k", 1, () -> "at 1 (" + computations.incrementAndGet() + ")"))
                .isEqualTo("at 1 (1)");
        // Younger than the bound: served for a later position without computing.
        assertThat(cache.get("k", 2, () -> "at 2 (" + computations.incrementAndGet() + ")"))
                .isEqualTo("at 1 (1)");
        Thread.sleep(400);
        // Older than the bound: still served at once; one computation runs in the background.
        assertThat(cache.get("k", 3, () -> slowly("at 3 (" + computations.incrementAndGet() + ")")))
                .isEqualTo("at 1 (1)");
        assertThat(cache.get("k", 3, () -> "at 3 again (" + computations.incrementAndGet() + ")"))
                .as("no second computation while one runs")
                .isEqualTo("at 1 (1)");
        await().atMost(Duration.ofSeconds(5))
                .until(() -> cache.get("k", 3, () -> "unexpected").equals("at 3 (2)"));
        assertThat(computations).hasValue(2);
    }

    @Test
    void withoutABoundEveryNewPositionIsComputedBeforeAnswering() {
        FiguresCache cache = new FiguresCache(Duration.ZERO);
        assertThat(cache.get("k", 1, () -> "at 1")).isEqualTo("at 1");
        assertThat(cache.get("k", 1, () -> "again")).isEqualTo("at 1");
        assertThat(cache.get("k", 2, () -> "at 2")).isEqualTo("at 2");
    }

    private static String slowly(String value) {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return value;
    }
}
