package it.ngsiena.gateway.labels;

import static org.assertj.core.api.Assertions.assertThat;

import it.ngsiena.testkit.EnumLabels;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every enum of the programme service has an Italian and an English label and is in its catalogue. */
class EnumLabelsTest {

    @Test
    void everyEnumIsLabelledInBothLanguagesAndCatalogued() throws Exception {
        Map<Class<?>, String> internal = Map.of(
                Class.forName("it.ngsiena.gateway.ratelimit.RouteClass"),
                "the rate limit a route counts against, inside the gateway only");
        assertThat(EnumLabels.problems(ProgrammeLabels.class, ProgrammeLabels.CATALOGUE.enums(), internal))
                .isEmpty();
        assertThat(ProgrammeLabels.CATALOGUE.labels()).isNotEmpty();
    }
}
