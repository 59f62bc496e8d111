package it.ngsiena.kernel.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.StringReader;
import org.junit.jupiter.api.Test;

class CsvResourceTest {

    @Test
    void commentsBlankLinesAndTheHeaderAreSkipped() throws Exception {
        var rows = CsvResource.rows(new BufferedReader(new StringReader("""
                # sources: ISTAT
                code,name

                052001, Abbadia San Salvatore
                # a note between rows
                052002,Asiano
                """)));
        assertThat(rows)
                .containsExactly(
                        java.util.List.of("052001", "Abbadia San Salvatore"), java.util.List.of("052002", "Asiano"));
    }

    @Test
    void quotedCellsKeepTheirCommasAndDoubledQuotes() {
        assertThat(CsvResource.cells(
                        "M1C1,\"Digitalizzazione, innovazione e sicurezza nella PA\",\"il \"\"Cloud\"\"\",x"))
                .containsExactly("M1C1", "Digitalizzazione, innovazione e sicurezza nella PA", "il \"Cloud\"", "x");
    }

    @Test
    void theMunicipalitiesOfTheProvinceAreRead() {
        assertThat(CsvResource.rows(CsvResource.class, "seeds/municipalities.csv"))
                .hasSize(35)
                .allSatisfy(row -> assertThat(row.get(0)).matches("052\\d{3}"));
    }
}
