package it.ngsiena.kernel.worker;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class RefreshedTest {

    final AtomicInteger loads = new AtomicInteger();

    @Test
    void aKeptValueIsReadOnceUntilInvalidated() {
        Refreshed<Integer> value = new Refreshed<>(Duration.ofHours(1));
        assertThat(value.get(loads::incrementAndGet)).isEqualTo(1);
        assertThat(value.get(loads::incrementAndGet)).isEqualTo(1);
        value.invalidate();
        assertThat(value.get(loads::incrementAndGet)).isEqualTo(2);
    }

    @Test
    void aZeroAgeReadsEveryTime() {
        Refreshed<Integer> value = new Refreshed<>(Duration.ZERO);
        value.get(loads::incrementAndGet);
        assertThat(value.get(loads::incrementAndGet)).isEqualTo(2);
    }

    @Test
    void aLoadOvertakenByAChangeIsNotKept() {
        Refreshed<Integer> value = new Refreshed<>(Duration.ofHours(1));
        // the change commits while the load reads: the old value goes to this caller only
        assertThat(value.get(() -> {
                    value.invalidate();
                    return 0;
                }))
                .isZero();
        assertThat(value.get(loads::incrementAndGet)).isEqualTo(1);
    }
}
