package it.ngsiena.gateway.overview;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.path.json.JsonPath;
import it.ngsiena.contracts.feasibility.FundingSourceAdded;
import it.ngsiena.contracts.feasibility.StudyProjectCodesRecorded;
import it.ngsiena.contracts.feasibility.StudyRequested;
import it.ngsiena.gateway.FakeServicesResource;
import it.ngsiena.kernel.events.EventCodec;
import it.ngsiena.testkit.PlatformTestResource;
import it.ngsiena.testkit.TopicProbe;
import java.io.StringReader;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * A study's CUP and PNRR codes, and the money awarded to it by source, from real events to the need trace
 * and the open data (one row per study, one per municipality), under the national column names.
 */
@QuarkusTest
@WithTestResource(PlatformTestResource.class)
@WithTestResource(FakeServicesResource.class)
class PnrrOpenDataTest {

    static final OffsetDateTime AT = OffsetDateTime.of(2022, 11, 3, 9, 0, 0, 0, ZoneOffset.UTC);

    @ConfigProperty(name = "ngs.events.bootstrap-servers")
    String bootstrap;

    private void send(String type, UUID study, Object payload) {
        new TopicProbe(bootstrap)
                .send(
                        "ngs.feasibility.v1",
                        study.toString(),
                        EventCodec.encode(
                                UUID.randomUUID().toString(),
                                "/feasibility-service",
                                type,
                                study.toString(),
                                AT,
                                EventCodec.payloadJson(payload)));
    }

    /** A study for a new need in one municipality, with its codes and three funding sources; the need's id. */
    private UUID fundedStudy(String municipality, String cup) {
        UUID need = UUID.randomUUID();
        UUID study = UUID.randomUUID();
        List<String> where = List.of(municipality);
        send(
                StudyRequested.TYPE,
                study,
                new StudyRequested(study, List.of(need), where, "Studio PNRR", List.of(), null, AT));
        send(
                StudyProjectCodesRecorded.TYPE,
                study,
                new StudyProjectCodesRecorded(
                        study,
                        List.of(need),
                        where,
                        cup,
                        "SIENA-PNRR-2022-" + municipality,
                        "M1",
                        "M1C1",
                        "M1C1I1.04",
                        "M1C1I1.04.00",
                        AT));
        send(
                FundingSourceAdded.TYPE,
                study,
                new FundingSourceAdded(
                        study, UUID.randomUUID(), "PNRR", "M1C1", new BigDecimal("120000.00"), "AWARDED", where, AT));
        send(
                FundingSourceAdded.TYPE,
                study,
                new FundingSourceAdded(
                        study, UUID.randomUUID(), "MUNICIPAL", null, new BigDecimal("15000.00"), "AWARDED", where, AT));
        // only identified: not money the project has
        send(
                FundingSourceAdded.TYPE,
                study,
                new FundingSourceAdded(
                        study, UUID.randomUUID(), "PNRR", "M1C1", new BigDecimal("5000.00"), "IDENTIFIED", where, AT));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> io.quarkus.narayana.jta.QuarkusTransaction.requiringNew()
                                .call(() ->
                                        it.ngsiena.gateway.activity.ActivityEntry.count("subject", study.toString()))
                        == 5);
        return need;
    }

    private static CSVRecord row(String csvPath, String column, String value) throws Exception {
        String csv =
                given().when().get(csvPath).then().statusCode(200).extract().asString();
        try (var parser = CSVFormat.RFC4180
                .builder()
                .setHeader()
                .setSkipHeaderRecord(true)
                .get()
                .parse(new StringReader(csv))) {
            return parser.getRecords().stream()
                    .filter(r -> r.get(column).equals(value))
                    .findFirst()
                    .orElseThrow();
        }
    }

    @Test
    @TestSecurity(user = "admin", roles = "programme-admin")
    void theFundingReadersGetTheCodesAndTheSplitBySource() throws Exception {
        UUID need = fundedStudy("052023", "J61B22000120023");

        JsonPath trace = given().when()
                .get("/v1/needs/" + need + "/trace")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(trace.getString("studies[0].cup")).isEqualTo("J61B22000120023");
        assertThat(trace.getString("studies[0].localProjectCode")).isEqualTo("SIENA-PNRR-2022-052023");
        assertThat(trace.getString("studies[0].pnrrMission")).isEqualTo("M1");
        assertThat(trace.getString("studies[0].pnrrSubMeasure")).isEqualTo("M1C1I1.04.00");
        assertThat(new BigDecimal(trace.getString("studies[0].fundingAwarded.pnrrEur")))
                .isEqualByComparingTo("120000.00");
        assertThat(new BigDecimal(trace.getString("studies[0].fundingAwarded.municipalEur")))
                .isEqualByComparingTo("15000.00");
        assertThat(new BigDecimal(trace.getString("studies[0].fundingAwarded.totalEur")))
                .isEqualByComparingTo("135000.00");
        assertThat(trace.getString("studies[0].fundingAwarded.regionalEur")).isNull();

        CSVRecord study = row("/v1/open-data/studies.csv", "CUP", "J61B22000120023");
        assertThat(study.get("Codice Locale Progetto")).isEqualTo("SIENA-PNRR-2022-052023");
        assertThat(study.get("Missione")).isEqualTo("M1");
        assertThat(study.get("Componente")).isEqualTo("M1C1");
        assertThat(study.get("Codice Univoco Misura")).isEqualTo("M1C1I1.04");
        assertThat(study.get("Codice Univoco Submisura")).isEqualTo("M1C1I1.04.00");
        assertThat(study.get("Finanziamento PNRR")).isEqualTo("120000.00");
        assertThat(study.get("Finanziamento Comune")).isEqualTo("15000.00");
        assertThat(study.get("Finanziamento Regione")).isEqualTo("0.00");
        assertThat(study.get("Finanziamento Totale")).isEqualTo("135000.00");
        assertThat(study.get("municipalities")).isEqualTo("052023");
        assertThat(study.get("status")).isEqualTo("REQUESTED");

        CSVRecord municipality = row("/v1/open-data/municipalities.csv", "istat_code", "052023");
        assertThat(municipality.get("studies_with_cup")).isEqualTo("1");
        assertThat(municipality.get("pnrr_funding_awarded_eur")).isEqualTo("120000.00");

        given().when()
                .get("/v1/open-data/studies.json")
                .then()
                .statusCode(200)
                .body(
                        "items.find { it.CUP == 'J61B22000120023' }.'Finanziamento PNRR'",
                        org.hamcrest.Matchers.equalTo("120000.00"));
    }

    @Test
    void anonymousCallersGetTheCodesButNotTheFunding() throws Exception {
        UUID need = fundedStudy("052025", "J61B22000120025");

        JsonPath trace = given().when()
                .get("/v1/needs/" + need + "/trace")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(trace.getString("studies[0].cup")).isEqualTo("J61B22000120025");
        assertThat(trace.getList("studies[0].funding")).isNullOrEmpty();
        assertThat(trace.getMap("studies[0].fundingAwarded")).isNullOrEmpty();

        CSVRecord study = row("/v1/open-data/studies.csv", "CUP", "J61B22000120025");
        assertThat(study.get("Codice Univoco Submisura")).isEqualTo("M1C1I1.04.00");
        assertThat(study.get("Finanziamento PNRR")).isEmpty();
        assertThat(study.get("Finanziamento Totale")).isEmpty();
        // not readable is an empty cell, not 0.00 (which would say: none awarded)
        assertThat(row("/v1/open-data/municipalities.csv", "istat_code", "052025")
                        .get("pnrr_funding_awarded_eur"))
                .isEmpty();
    }
}
