package it.ngsiena.gateway.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class AddresseeTest {

    @Test
    void aNoticeGoesToTheMostSpecificReaderTheOwnerWas() {
        assertThat(DeliveryWorker.addressee(List.of("admin", "platform", "public")))
                .isEqualTo("admin");
        assertThat(DeliveryWorker.addressee(List.of("officer", "officer:052015", "platform", "public")))
                .isEqualTo("officer:052015");
        assertThat(DeliveryWorker.addressee(List.of("partner:training", "platform", "public")))
                .isEqualTo("partner:training");
        // a viewer (no subscription of their own is possible, but never wider than the admin)
        assertThat(DeliveryWorker.addressee(List.of("viewer", "platform", "public")))
                .isEqualTo("admin");
    }
}
