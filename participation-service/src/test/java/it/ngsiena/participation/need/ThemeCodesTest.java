package it.ngsiena.participation.need;

import static org.assertj.core.api.Assertions.assertThat;

import it.ngsiena.contracts.participation.NeedThemes;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Other workstreams validate themes against the shared codes: they must be exactly this taxonomy's. */
class ThemeCodesTest {

    @Test
    void theSharedThemeCodesAreTheTaxonomysCodes() {
        assertThat(Arrays.stream(Theme.values()).map(Enum::name).toList()).isEqualTo(NeedThemes.CODES);
    }
}
