package it.ngsiena.gateway.overview;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Open-data CSV cells: quoted as RFC 4180 says, and never run as a formula by a spreadsheet. */
class OpenDataCellTest {

    @Test
    void cellsThatLookLikeFormulasAreNeutralised() {
        assertThat(OpenDataResource.cell("=HYPERLINK(\"http://x\")")).isEqualTo("\"'=HYPERLINK(\"\"http://x\"\")\"");
        assertThat(OpenDataResource.cell("+1")).isEqualTo("'+1");
        assertThat(OpenDataResource.cell("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(OpenDataResource.cell("\tx")).isEqualTo("'\tx");
        assertThat(OpenDataResource.cell("-12.50"))
                .as("a number stays a number")
                .isEqualTo("-12.50");
        assertThat(OpenDataResource.cell("Monteriggioni")).isEqualTo("Monteriggioni");
        assertThat(OpenDataResource.cell("a,b")).isEqualTo("\"a,b\"");
        // Excel with Italian settings splits on ';'
        assertThat(OpenDataResource.cell("Fondi PNRR; bando regionale")).isEqualTo("\"Fondi PNRR; bando regionale\"");
        assertThat(OpenDataResource.cell("a\r\nb")).isEqualTo("\"a\r\nb\"");
    }
}
