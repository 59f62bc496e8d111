package it.ngsiena.kernel.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class LabelledTest {

    enum Availability implements Labelled {
        OPEN,
        FULL
    }

    enum HalfLabelled implements Labelled {
        LABELLED,
        ONLY_ITALIAN,
        FORGOTTEN
    }

    @Test
    void theLabelsComeFromTheEnumsFileInUtf8() {
        assertThat(Availability.OPEN.labelIt()).isEqualTo("Posti disponibilità aperta");
        assertThat(Availability.OPEN.labelEn()).isEqualTo("Open");
        assertThat(Availability.FULL.label()).isEqualTo(new Labelled.Label("Completo", "Full"));
    }

    @Test
    void aCodeWithoutBothLabelsFailsNamingEveryOneMissing() {
        assertThatThrownBy(HalfLabelled.LABELLED::label)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("[ONLY_ITALIAN, FORGOTTEN]");
    }
}
