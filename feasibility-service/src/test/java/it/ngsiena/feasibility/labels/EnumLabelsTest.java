package it.ngsiena.feasibility.labels;

import static org.assertj.core.api.Assertions.assertThat;

import it.ngsiena.testkit.EnumLabels;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every enum of the feasibility service has an Italian and an English label and is in its catalogue. */
class EnumLabelsTest {

    @Test
    void everyEnumIsLabelledInBothLanguagesAndCatalogued() throws Exception {
        Map<Class<?>, String> internal = Map.of();
        assertThat(EnumLabels.problems(FeasibilityLabels.class, FeasibilityLabels.CATALOGUE.enums(), internal))
                .isEmpty();
        assertThat(FeasibilityLabels.CATALOGUE.labels()).isNotEmpty();
    }
}
