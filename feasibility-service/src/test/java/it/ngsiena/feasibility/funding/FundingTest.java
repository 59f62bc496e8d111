package it.ngsiena.feasibility.funding;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import it.ngsiena.contracts.feasibility.FundingSourceAdded;
import it.ngsiena.contracts.feasibility.FundingSourceChanged;
import it.ngsiena.feasibility.study.StudyLifecycleTest;
import it.ngsiena.testkit.OutboxProbe;
import it.ngsiena.testkit.PlatformTestResource;
import java.math.BigDecimal;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(PlatformTestResource.class)
class FundingTest {

    /** Only this test class uses this municipality, so its summary holds exactly what the test put there. */
    static final String CASTIGLIONE = "052007";

    static ValidatableResponse add(String study, String kind, String component, String amount, String status) {
        return given().contentType(ContentType.JSON)
                .body("{\"kind\":\"%s\",%s\"amountEur\":%s,\"status\":\"%s\"}"
                        .formatted(
                                kind,
                                component == null ? "" : "\"pnrrComponent\":\"" + component + "\",",
                                amount,
                                status))
                .when()
                .post("/v1/feasibility/studies/" + study + "/funding-sources")
                .then();
    }

    @Test
    @TestSecurity(user = "openimpact", roles = "feasibility-partner")
    void pnrrMoneyNamesARealComponentAndOtherMoneyNone() {
        String study = StudyLifecycleTest.open("052032");
        add(study, "PNRR", "M2C4", "250000.00", "IDENTIFIED").statusCode(201).body("pnrrComponent", equalTo("M2C4"));
        add(study, "PNRR", "M7C1", "1", "IDENTIFIED").statusCode(201);
        add(study, "PNRR", "M9C1", "1", "IDENTIFIED")
                .statusCode(400)
                .body("violations[0].field", equalTo("pnrrComponent"));
        add(study, "PNRR", "M1C4", "1", "IDENTIFIED")
                .statusCode(400)
                .body("violations[0].field", equalTo("pnrrComponent"));
        add(study, "PNRR", "M1", "1", "IDENTIFIED").statusCode(400);
        add(study, "PNRR", null, "1", "IDENTIFIED")
                .statusCode(400)
                .body("violations[0].field", equalTo("pnrrComponent"));
        add(study, "MUNICIPAL", "M1C1", "1", "IDENTIFIED").statusCode(400);
        add(study, "MUNICIPAL", null, "-1", "IDENTIFIED")
                .statusCode(400)
                .body("violations[0].field", equalTo("amountEur"));
        add(study, "MUNICIPAL", null, "1.001", "IDENTIFIED").statusCode(400);
        add(study, "LOTTERY", null, "1", "IDENTIFIED").statusCode(400);
        add(UUID.randomUUID().toString(), "MUNICIPAL", null, "1", "IDENTIFIED").statusCode(404);
        given().when()
                .get("/v1/feasibility/studies/" + study + "/funding-sources")
                .then()
                .statusCode(200)
                .body("items.size()", equalTo(2));
    }

    @Test
    @TestSecurity(user = "openimpact", roles = "feasibility-partner")
    void fundingChangesNeedIfMatchAndSummariesNeverLoseACent() {
        String first = StudyLifecycleTest.open(CASTIGLIONE);
        String second = StudyLifecycleTest.open(CASTIGLIONE, "052032");
        StudyLifecycleTest.post(first, "start", "{}").statusCode(200);
        StudyLifecycleTest.post(first, "complete", StudyLifecycleTest.complete("FEASIBLE", "0.10"))
                .statusCode(200);
        StudyLifecycleTest.post(second, "start", "{}").statusCode(200);
        StudyLifecycleTest.post(second, "complete", StudyLifecycleTest.complete("FEASIBLE_WITH_CONDITIONS", "0.20"))
                .statusCode(200);
        String third = StudyLifecycleTest.open(CASTIGLIONE);
        StudyLifecycleTest.post(third, "start", "{}").statusCode(200);
        StudyLifecycleTest.post(third, "complete", StudyLifecycleTest.complete("NOT_FEASIBLE", "999.99"))
                .statusCode(200);

        String source = add(first, "EU", null, "0.10", "APPLIED")
                .statusCode(201)
                .header("ETag", "\"0\"")
                .extract()
                .path("id");
        add(first, "REGIONAL", null, "0.20", "IDENTIFIED").statusCode(201);
        add(second, "PNRR", "M1C1", "100000000000.01", "AWARDED").statusCode(201);
        add(second, "PRIVATE", null, "5.55", "REJECTED").statusCode(201);

        String url = "/v1/feasibility/funding-sources/" + source;
        given().contentType(ContentType.JSON)
                .body("{\"status\":\"AWARDED\"}")
                .when()
                .patch(url)
                .then()
                .statusCode(428);
        given().contentType(ContentType.JSON)
                .header("If-Match", "\"3\"")
                .body("{\"status\":\"AWARDED\"}")
                .when()
                .patch(url)
                .then()
                .statusCode(412);
        given().contentType(ContentType.JSON)
                .header("If-Match", "\"0\"")
                .body("{}")
                .when()
                .patch(url)
                .then()
                .statusCode(400);
        given().contentType(ContentType.JSON)
                .header("If-Match", "\"0\"")
                .body("{\"status\":\"AWARDED\"}")
                .when()
                .patch(url)
                .then()
                .statusCode(200)
                .header("ETag", "\"1\"")
                .body("status", equalTo("AWARDED"));
        assertThat(OutboxProbe.events(UUID.fromString(first), FundingSourceAdded.TYPE))
                .hasSize(2);
        assertThat(OutboxProbe.events(UUID.fromString(first), FundingSourceChanged.TYPE))
                .singleElement()
                .satisfies(e -> {
                    assertThat(e.data().get("previousStatus").asText()).isEqualTo("APPLIED");
                    assertThat(e.data().get("status").asText()).isEqualTo("AWARDED");
                });

        JsonPath summary = given().when()
                .get("/v1/feasibility/summaries/municipalities/" + CASTIGLIONE)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath(io.restassured.path.json.config.JsonPathConfig.jsonPathConfig()
                        .numberReturnType(io.restassured.path.json.config.JsonPathConfig.NumberReturnType.BIG_DECIMAL));
        assertThat(summary.getLong("studies")).isEqualTo(3);
        assertThat(summary.getLong("byStatus.COMPLETED")).isEqualTo(3);
        assertThat(summary.getLong("byVerdict.NOT_FEASIBLE")).isEqualTo(1);
        assertThat(summary.<BigDecimal>get("feasibleEstimatedCostEur")).isEqualByComparingTo("0.30");
        assertThat(summary.<BigDecimal>get("fundingIdentifiedEur")).isEqualByComparingTo("100000000000.31");
        assertThat(summary.<BigDecimal>get("fundingAwardedEur")).isEqualByComparingTo("100000000000.11");
        given().when().get("/v1/feasibility/summaries/programme").then().statusCode(200);
        given().when()
                .get("/v1/feasibility/summaries/municipalities/999999")
                .then()
                .statusCode(404);
    }
}
