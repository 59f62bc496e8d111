package it.ngsiena.comms.labels;

import static org.assertj.core.api.Assertions.assertThat;

import it.ngsiena.testkit.EnumLabels;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every enum of the comms service has an Italian and an English label and is in its catalogue. */
class EnumLabelsTest {

    @Test
    void everyEnumIsLabelledInBothLanguagesAndCatalogued() throws Exception {
        Map<Class<?>, String> internal = Map.of(
                Class.forName("it.ngsiena.comms.notification.NotificationRules$Told"),
                "whom an event is for, inside the service only");
        assertThat(EnumLabels.problems(CommsLabels.class, CommsLabels.CATALOGUE.enums(), internal))
                .isEmpty();
        assertThat(CommsLabels.CATALOGUE.labels()).isNotEmpty();
    }
}
