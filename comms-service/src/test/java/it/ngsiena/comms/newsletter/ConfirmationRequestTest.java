package it.ngsiena.comms.newsletter;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/**
 * When a new sign-up of the same address asks for a confirmation mail. Found by CI: a sign-up that came
 * while the previous mail was being sent (claimed, so due two minutes later) was taken for a mail still
 * waiting, and no mail followed.
 */
class ConfirmationRequestTest {

    private static final OffsetDateTime NOW = OffsetDateTime.of(2026, 11, 30, 10, 0, 0, 0, ZoneOffset.UTC);
    private static final Duration DAY = Duration.ofDays(1);

    @Test
    void aMailStillWaitingToBeSentServesTheNewRequest() {
        Subscriber s = new Subscriber();
        assertThat(s.askConfirmation(NOW, 3, DAY)).isTrue();
        assertThat(s.mailWaiting(NOW.plusSeconds(1))).isTrue();
        assertThat(s.askConfirmation(NOW.plusSeconds(1), 3, DAY)).isTrue();
        assertThat(s.confirmationsInWindow)
                .as("the same mail, not a second one")
                .isEqualTo(1);
    }

    @Test
    void aMailBeingSentDoesNotServeTheNewRequest() {
        Subscriber s = new Subscriber();
        s.askConfirmation(NOW, 3, DAY);
        s.confirmationDueAt = NOW.plusMinutes(2); // claimed by the sender
        assertThat(s.mailWaiting(NOW.plusSeconds(1))).isFalse();
        assertThat(s.askConfirmation(NOW.plusSeconds(1), 3, DAY)).isTrue();
        assertThat(s.confirmationsInWindow).isEqualTo(2);
        assertThat(s.confirmationDueAt).as("a new mail, due now").isEqualTo(NOW.plusSeconds(1));
    }

    @Test
    void theDailyLimitHoldsWhateverTheMailsState() {
        Subscriber s = new Subscriber();
        for (int i = 0; i < 3; i++) {
            assertThat(s.askConfirmation(NOW.plusSeconds(i), 3, DAY)).isTrue();
            s.confirmationDueAt = null; // sent
        }
        assertThat(s.askConfirmation(NOW.plusSeconds(10), 3, DAY)).isFalse();
        assertThat(s.askConfirmation(NOW.plus(DAY).plusSeconds(10), 3, DAY)).isTrue();
    }
}
