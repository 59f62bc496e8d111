package it.ngsiena.gateway.activity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import it.ngsiena.kernel.problem.ProblemException;
import org.junit.jupiter.api.Test;

class StreamSlotsTest {

    @Test
    void aCallerOverItsShareGets429AndAnyoneOverTheTotal503() {
        StreamSlots slots = new StreamSlots(3, 2);
        StreamSlots.Slot a1 = slots.open("a");
        slots.open("a");
        assertThatThrownBy(() -> slots.open("a")).isInstanceOfSatisfying(ProblemException.class, p -> {
            assertThat(p.problem().status()).isEqualTo(429);
            assertThat(p.headers()).containsEntry("Retry-After", "30");
        });
        slots.open("b");
        assertThatThrownBy(() -> slots.open("c"))
                .isInstanceOfSatisfying(
                        ProblemException.class,
                        p -> assertThat(p.problem().status()).isEqualTo(503));
        assertThat(slots.open()).isEqualTo(3);

        a1.close();
        a1.close(); // closing twice gives back one place
        assertThat(slots.open()).isEqualTo(2);
        slots.open("c");
        assertThatThrownBy(() -> slots.open("d")).isInstanceOf(ProblemException.class);
    }
}
