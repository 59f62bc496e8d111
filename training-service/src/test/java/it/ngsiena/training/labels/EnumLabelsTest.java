package it.ngsiena.training.labels;

import static org.assertj.core.api.Assertions.assertThat;

import it.ngsiena.testkit.EnumLabels;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every enum of the training service has an Italian and an English label and is in its catalogue. */
class EnumLabelsTest {

    @Test
    void everyEnumIsLabelledInBothLanguagesAndCatalogued() throws Exception {
        Map<Class<?>, String> internal = Map.of(
                Class.forName("it.ngsiena.training.mail.ParticipantMails$Kind"),
                "which mail is written, inside the service only");
        assertThat(EnumLabels.problems(TrainingLabels.class, TrainingLabels.CATALOGUE.enums(), internal))
                .isEmpty();
        assertThat(TrainingLabels.CATALOGUE.labels()).isNotEmpty();
    }
}
