package it.ngsiena.participation.labels;

import static org.assertj.core.api.Assertions.assertThat;

import it.ngsiena.testkit.EnumLabels;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every enum of the participation service has an Italian and an English label and is in its catalogue. */
class EnumLabelsTest {

    @Test
    void everyEnumIsLabelledInBothLanguagesAndCatalogued() throws Exception {
        Map<Class<?>, String> internal = Map.of(
                Class.forName("it.ngsiena.participation.need.NeedRepository$NeedSort"),
                "a sort order the list takes as a parameter, never shown as data");
        assertThat(EnumLabels.problems(ParticipationLabels.class, ParticipationLabels.CATALOGUE.enums(), internal))
                .isEmpty();
        assertThat(ParticipationLabels.CATALOGUE.labels()).isNotEmpty();
    }
}
