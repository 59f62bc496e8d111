package it.ngsiena.feasibility.opportunity;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import it.ngsiena.contracts.feasibility.OpportunityPublished;
import it.ngsiena.contracts.feasibility.StudyMatched;
import it.ngsiena.feasibility.study.StudyLifecycleTest;
import it.ngsiena.testkit.OutboxProbe;
import it.ngsiena.testkit.PlatformTestResource;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(PlatformTestResource.class)
class OpportunityMatchingTest {

    /** Opportunities of this test are open in 2031 only, so other tests' ones do not interfere. */
    static final String DAY = "2031-06-15";

    static String publish(String title, String themes, String eligible, String opens, String deadline, String budget) {
        return given().contentType(ContentType.JSON)
                .body("""
                {"title":"%s","funder":"Ente (fittizio)","kind":"NATIONAL","themes":[%s],"eligibleMunicipalities":[%s],
                 "opensOn":"%s","deadline":"%s","totalBudgetEur":%s}""".formatted(title, themes, eligible, opens, deadline, budget))
                .when()
                .post("/v1/feasibility/funding-opportunities")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    @Test
    @TestSecurity(user = "openimpact", roles = "feasibility-partner")
    void matchingRanksOpenEligibleOpportunitiesAndExcludesTheOthers() {
        String study = StudyLifecycleTest.open("052032", "052015");
        StudyLifecycleTest.post(study, "start", "{}").statusCode(200);
        StudyLifecycleTest.post(study, "complete", StudyLifecycleTest.complete("FEASIBLE", "200000"))
                .statusCode(200);

        String best = publish("Digitale, tutti", "\"DIGITAL_TRANSITION\"", "", "2031-01-01", "2031-12-31", "5000000");
        String halfEligible = publish(
                "Digitale, solo Siena", "\"DIGITAL_TRANSITION\"", "\"052032\"", "2031-01-01", "2031-12-31", "5000000");
        String smallBudget =
                publish("Digitale, poco budget", "\"DIGITAL_TRANSITION\"", "", "2031-01-01", "2031-12-31", "1000");
        String otherTheme = publish("Mobilità", "\"MOBILITY\"", "", "2031-01-01", "2031-12-31", "5000000");
        String expired = publish("Scaduto", "\"DIGITAL_TRANSITION\"", "", "2031-01-01", "2031-06-14", "5000000");
        String notYetOpen =
                publish("Non ancora aperto", "\"DIGITAL_TRANSITION\"", "", "2031-06-16", "2031-12-31", "5000000");
        String ineligible =
                publish("Solo Chiusi", "\"DIGITAL_TRANSITION\"", "\"052011\"", "2031-01-01", "2031-12-31", "5000000");

        var matches = given().queryParam("on", DAY)
                .when()
                .get("/v1/feasibility/studies/" + study + "/matching-opportunities")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        List<String> ranked = matches.getList("items.opportunity.id");
        assertThat(ranked).containsExactly(best, halfEligible, smallBudget, otherTheme);
        assertThat(matches.getList("items.score", Integer.class)).containsExactly(100, 85, 80, 50);
        assertThat(ranked).doesNotContain(expired, notYetOpen, ineligible);
        assertThat(matches.getList("items[1].reasons", String.class).get(1))
                .isEqualTo("1 of 2 municipalities eligible");

        String links = "/v1/feasibility/studies/" + study + "/opportunities";
        given().contentType(ContentType.JSON)
                .body("{\"opportunityId\":\"" + best + "\"}")
                .when()
                .post(links)
                .then()
                .statusCode(201)
                .body("score", equalTo(100));
        given().contentType(ContentType.JSON)
                .body("{\"opportunityId\":\"" + best + "\"}")
                .when()
                .post(links)
                .then()
                .statusCode(200);
        given().contentType(ContentType.JSON)
                .body("{\"opportunityId\":\"" + ineligible + "\"}")
                .when()
                .post(links)
                .then()
                .statusCode(422)
                .contentType("application/problem+json");
        given().contentType(ContentType.JSON)
                .body("{\"opportunityId\":\"" + UUID.randomUUID() + "\"}")
                .when()
                .post(links)
                .then()
                .statusCode(404);
        given().when()
                .get(links)
                .then()
                .statusCode(200)
                .body("items.size()", equalTo(1))
                .body("items[0].opportunity.id", equalTo(best));
        assertThat(OutboxProbe.events(UUID.fromString(study), StudyMatched.TYPE))
                .singleElement()
                .satisfies(
                        e -> assertThat(e.data().get("opportunityId").asText()).isEqualTo(best));
        assertThat(OutboxProbe.events(UUID.fromString(best), OpportunityPublished.TYPE))
                .singleElement()
                .satisfies(
                        e -> assertThat(e.data().get("eligibleMunicipalities")).isEmpty());

        given().queryParam("openOn", DAY)
                .queryParam("size", 100)
                .when()
                .get("/v1/feasibility/funding-opportunities")
                .then()
                .statusCode(200)
                .body("items.id", org.hamcrest.Matchers.hasItems(best, ineligible))
                .body("items.id", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasItem(expired)));
    }

    @Test
    @TestSecurity(user = "openimpact", roles = "feasibility-partner")
    void aCallIsCorrectedClosedOrWithdrawnAndItsMatchedStudiesAreTold() {
        String study = StudyLifecycleTest.open("052032", "052015");
        String call =
                publish("Digitale, da correggere", "\"DIGITAL_TRANSITION\"", "", "2031-01-01", "2031-12-31", "5000000");
        given().contentType(ContentType.JSON)
                .body("{\"opportunityId\":\"" + call + "\"}")
                .when()
                .post("/v1/feasibility/studies/" + study + "/opportunities")
                .then()
                .statusCode(201);
        String path = "/v1/feasibility/funding-opportunities/" + call;

        given().contentType(ContentType.JSON)
                .body("{\"deadline\":\"2031-11-30\"}")
                .when()
                .patch(path)
                .then()
                .statusCode(428);
        given().contentType(ContentType.JSON)
                .header("If-Match", "\"0\"")
                .body("{\"deadline\":\"2030-12-31\"}")
                .when()
                .patch(path)
                .then()
                .statusCode(400)
                .body("violations[0].field", equalTo("deadline"));
        given().contentType(ContentType.JSON)
                .header("If-Match", "\"0\"")
                .body("{\"deadline\":\"2031-11-30\",\"totalBudgetEur\":6000000}")
                .when()
                .patch(path)
                .then()
                .statusCode(200)
                .body("deadline", equalTo("2031-11-30"))
                .body("status", equalTo("OPEN"));

        given().contentType(ContentType.JSON)
                .body("{}")
                .when()
                .post(path + "/close")
                .then()
                .statusCode(400);
        given().contentType(ContentType.JSON)
                .body("{\"reason\":\"Dotazione esaurita\"}")
                .when()
                .post(path + "/close")
                .then()
                .statusCode(200)
                .body("status", equalTo("CLOSED"))
                .body("statusLabelIt", equalTo("Chiuso in anticipo"))
                .body("statusReason", equalTo("Dotazione esaurita"));
        given().contentType(ContentType.JSON)
                .body("{\"reason\":\"Annullato\"}")
                .when()
                .post(path + "/withdraw")
                .then()
                .statusCode(409)
                .body("currentStatus", equalTo("CLOSED"));

        // closed: it matches no study any more, and cannot be linked
        assertThat(given().queryParam("on", DAY)
                        .when()
                        .get("/v1/feasibility/studies/" + study + "/matching-opportunities")
                        .then()
                        .statusCode(200)
                        .extract()
                        .jsonPath()
                        .getList("items.opportunity.id"))
                .doesNotContain(call);
        String other = StudyLifecycleTest.open("052032");
        given().contentType(ContentType.JSON)
                .body("{\"opportunityId\":\"" + call + "\"}")
                .when()
                .post("/v1/feasibility/studies/" + other + "/opportunities")
                .then()
                .statusCode(409);

        assertThat(OutboxProbe.events(UUID.fromString(call), it.ngsiena.contracts.feasibility.OpportunityChanged.TYPE))
                .extracting(e -> e.data().get("change").asText() + " "
                        + e.data().get("status").asText() + " " + e.data().get("matchedStudyIds") + " "
                        + e.data().get("municipalities"))
                .containsExactly(
                        "EDITED OPEN [\"" + study + "\"] [\"052015\",\"052032\"]",
                        "CLOSED CLOSED [\"" + study + "\"] [\"052015\",\"052032\"]");

        String withdrawn = publish("Da ritirare", "\"DIGITAL_TRANSITION\"", "", "2031-01-01", "2031-12-31", "1000");
        given().contentType(ContentType.JSON)
                .body("{\"reason\":\"Bando annullato dal ministero\"}")
                .when()
                .post("/v1/feasibility/funding-opportunities/" + withdrawn + "/withdraw")
                .then()
                .statusCode(200)
                .body("status", equalTo("WITHDRAWN"));
    }

    @Test
    @TestSecurity(user = "openimpact", roles = "feasibility-partner")
    void badOpportunitiesAreRefused() {
        String valid = """
                {"title":"Bando","funder":"Ente","kind":"PNRR","pnrrComponent":"M1C1","themes":["GOVERNANCE"],
                 "opensOn":"2031-01-01","deadline":"2031-12-31"}""";
        given().contentType(ContentType.JSON)
                .body(valid)
                .when()
                .post("/v1/feasibility/funding-opportunities")
                .then()
                .statusCode(201)
                .body("eligibleMunicipalities.size()", equalTo(0));
        given().contentType(ContentType.JSON)
                .body(valid.replace("M1C1", "M8C1"))
                .when()
                .post("/v1/feasibility/funding-opportunities")
                .then()
                .statusCode(400)
                .body("violations[0].field", equalTo("pnrrComponent"));
        given().contentType(ContentType.JSON)
                .body(valid.replace("\"deadline\":\"2031-12-31\"", "\"deadline\":\"2030-12-31\""))
                .when()
                .post("/v1/feasibility/funding-opportunities")
                .then()
                .statusCode(400)
                .body("violations[0].field", equalTo("deadline"));
        given().contentType(ContentType.JSON)
                .body(valid.replace("GOVERNANCE", "WEATHER"))
                .when()
                .post("/v1/feasibility/funding-opportunities")
                .then()
                .statusCode(400);
        given().contentType(ContentType.JSON)
                .body(valid.replace("\"kind\":\"PNRR\",\"pnrrComponent\":\"M1C1\",", "\"kind\":\"PNRR\","))
                .when()
                .post("/v1/feasibility/funding-opportunities")
                .then()
                .statusCode(400);
    }

    @Test
    @TestSecurity(user = "viewer", roles = "viewer")
    void onlyThePartnerAndTheAdminPublish() {
        given().contentType(ContentType.JSON)
                .body("{}")
                .when()
                .post("/v1/feasibility/funding-opportunities")
                .then()
                .statusCode(403);
    }
}
