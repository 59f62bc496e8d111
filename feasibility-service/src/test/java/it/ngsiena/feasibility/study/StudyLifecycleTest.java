package it.ngsiena.feasibility.study;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import it.ngsiena.contracts.feasibility.MilestoneReached;
import it.ngsiena.contracts.feasibility.StudyAbandoned;
import it.ngsiena.contracts.feasibility.StudyCompleted;
import it.ngsiena.contracts.feasibility.StudyRequested;
import it.ngsiena.contracts.feasibility.StudyStarted;
import it.ngsiena.testkit.OutboxProbe;
import it.ngsiena.testkit.PlatformTestResource;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(PlatformTestResource.class)
public class StudyLifecycleTest {

    public static final String PROBLEM = "application/problem+json";

    /** A study body for the given need and municipalities, with a lead analyst unless told otherwise. */
    public static String body(UUID need, String lead, String... municipalities) {
        return """
                {"title":"Sportello digitale intercomunale","scope":"Costi e modello organizzativo",
                 "needIds":["%s"],"municipalities":[%s],"themes":["DIGITAL_TRANSITION"]%s}""".formatted(
                        need,
                        String.join(
                                ",",
                                java.util.Arrays.stream(municipalities)
                                        .map(m -> "\"" + m + "\"")
                                        .toList()),
                        lead == null ? "" : ",\"leadOrganisation\":\"" + lead + "\"");
    }

    /** Opens a study through the API (as the feasibility partner) and returns its id. */
    public static String open(String... municipalities) {
        return given().contentType(ContentType.JSON)
                .body(body(UUID.randomUUID(), "Open Impact", municipalities))
                .when()
                .post("/v1/feasibility/studies")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    public static ValidatableResponse post(String study, String action, String json) {
        return given().contentType(ContentType.JSON)
                .body(json)
                .when()
                .post("/v1/feasibility/studies/" + study + "/" + action)
                .then();
    }

    public static String complete(String verdict, String cost) {
        return """
                {"verdict":"%s","conditions":"Convenzione tra i comuni","estimatedCostEur":%s,
                 "summary":"Fattibile"}""".formatted(verdict, cost);
    }

    @Test
    @TestSecurity(user = "openimpact", roles = "feasibility-partner")
    void aStudyGoesFromRequestedToCompletedWithItsEvents() {
        UUID need = UUID.randomUUID();
        String id = given().contentType(ContentType.JSON)
                .body(body(need, null, "052032", "052015"))
                .when()
                .post("/v1/feasibility/studies")
                .then()
                .statusCode(201)
                .body("status", equalTo("REQUESTED"))
                .extract()
                .path("id");
        post(id, "complete", complete("FEASIBLE", "1"))
                .statusCode(409)
                .contentType(PROBLEM)
                .body("currentStatus", equalTo("REQUESTED"));
        post(id, "start", "{}").statusCode(422).contentType(PROBLEM);
        post(id, "start", "{\"leadOrganisation\":\"Open Impact\",\"leadRole\":\"Analista\"}")
                .statusCode(200)
                .body("status", equalTo("IN_PROGRESS"));
        post(id, "start", "{}").statusCode(409).body("currentStatus", equalTo("IN_PROGRESS"));

        // Completion needs a verdict, a cost of at most two decimals that is not negative, and a summary.
        post(id, "complete", "{\"estimatedCostEur\":10,\"summary\":\"x\"}")
                .statusCode(400)
                .body("violations[0].field", equalTo("verdict"));
        post(id, "complete", complete("FEASIBLE", "-0.01"))
                .statusCode(400)
                .body("violations[0].field", equalTo("estimatedCostEur"));
        post(id, "complete", complete("FEASIBLE", "100.005"))
                .statusCode(400)
                .body("violations[0].field", equalTo("estimatedCostEur"));
        post(id, "complete", "{\"verdict\":\"FEASIBLE_WITH_CONDITIONS\",\"estimatedCostEur\":1,\"summary\":\"x\"}")
                .statusCode(400)
                .body("violations[0].field", equalTo("conditions"));
        post(id, "complete", "{\"verdict\":\"FEASIBLE\",\"estimatedCostEur\":1}")
                .statusCode(400)
                .body("violations[0].field", equalTo("summary"));
        post(id, "complete", complete("FEASIBLE_WITH_CONDITIONS", "185000.1"))
                .statusCode(200)
                .body("status", equalTo("COMPLETED"))
                .body("verdict", equalTo("FEASIBLE_WITH_CONDITIONS"))
                .body("estimatedCostEur", equalTo(185000.10f));
        post(id, "abandon", "{\"reason\":\"troppo tardi\"}")
                .statusCode(409)
                .body("currentStatus", equalTo("COMPLETED"));
        post(id, "complete", complete("FEASIBLE", "1")).statusCode(409);

        var events = OutboxProbe.events(UUID.fromString(id));
        assertThat(events)
                .extracting(OutboxProbe.Event::type)
                .containsExactly(StudyRequested.TYPE, StudyStarted.TYPE, StudyCompleted.TYPE);
        assertThat(events.get(0).data().at("/needIds/0").asText()).isEqualTo(need.toString());
        assertThat(events.get(2).data().get("estimatedCostEur").decimalValue()).isEqualByComparingTo("185000.10");
        assertThat(events.get(2).data().get("verdict").asText()).isEqualTo("FEASIBLE_WITH_CONDITIONS");
        assertThat(events.get(2).data().get("municipalities")).hasSize(2);
    }

    @Test
    @TestSecurity(user = "openimpact", roles = "feasibility-partner")
    void aStudyRecordedAfterwardsStartsAndCompletesWhenItReallyDid() {
        String id = open("052032");
        post(id, "start", "{\"leadOrganisation\":\"Open Impact\",\"occurredAt\":\"2022-06-01T09:00:00+02:00\"}")
                .statusCode(200)
                .body("startedAt", equalTo("2022-06-01T07:00:00Z"));
        String completion = complete("FEASIBLE", "1000").replaceFirst("\\}$", ",\"occurredAt\":\"%s\"}");
        // Before it started, or in the future: 422 naming the field, still in progress.
        for (String when : new String[] {
            "2022-05-31T09:00:00+02:00",
            java.time.OffsetDateTime.now().plusDays(1).toString()
        }) {
            post(id, "complete", completion.formatted(when))
                    .statusCode(422)
                    .body("violations[0].field", equalTo("occurredAt"));
        }
        post(id, "complete", completion.formatted("2022-10-05T12:00:00+02:00"))
                .statusCode(200)
                .body("closedAt", equalTo("2022-10-05T10:00:00Z"));

        var events = OutboxProbe.events(UUID.fromString(id));
        assertThat(events)
                .extracting(OutboxProbe.Event::type)
                .containsExactly(StudyRequested.TYPE, StudyStarted.TYPE, StudyCompleted.TYPE);
        assertThat(events.get(1).time()).isAtSameInstantAs(java.time.OffsetDateTime.parse("2022-06-01T07:00:00Z"));
        assertThat(events.get(2).time()).isAtSameInstantAs(java.time.OffsetDateTime.parse("2022-10-05T10:00:00Z"));
        assertThat(events.get(2).data().get("completedAt").asText()).startsWith("2022-10-05T10:00");
    }

    @Test
    @TestSecurity(user = "openimpact", roles = "feasibility-partner")
    void openStudiesCanBeAbandonedWithAReason() {
        String requested = open("052032");
        post(requested, "abandon", "{}").statusCode(400).body("violations[0].field", equalTo("reason"));
        post(requested, "abandon", "{\"reason\":\"Coperto da un progetto regionale\"}")
                .statusCode(200)
                .body("status", equalTo("ABANDONED"))
                .body("abandonReason", equalTo("Coperto da un progetto regionale"));
        post(requested, "start", "{}").statusCode(409).body("currentStatus", equalTo("ABANDONED"));
        post(requested, "milestones", "{\"title\":\"x\",\"dueOn\":\"2022-10-01\"}")
                .statusCode(409);

        String running = open("052032");
        post(running, "start", "{}").statusCode(200);
        post(running, "abandon", "{\"reason\":\"Nessun finanziamento\"}").statusCode(200);
        assertThat(OutboxProbe.events(UUID.fromString(running), StudyAbandoned.TYPE))
                .singleElement()
                .satisfies(e -> assertThat(e.data().get("reason").asText()).isEqualTo("Nessun finanziamento"));
    }

    @Test
    @TestSecurity(user = "openimpact", roles = "feasibility-partner")
    void aStudyOfTwentyTwentyTwoIsDatedThroughoutOpenedMilestoneAndAbandonment() {
        String body = body(UUID.randomUUID(), "Open Impact", "052032")
                .replaceFirst("\\}$", ",\"occurredAt\":\"2022-05-20T09:00:00+02:00\"}");
        String id = given().contentType(ContentType.JSON)
                .body(body)
                .when()
                .post("/v1/feasibility/studies")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        post(id, "start", "{\"occurredAt\":\"2022-06-01T09:00:00+02:00\"}").statusCode(200);
        String milestone = post(id, "milestones", "{\"title\":\"Analisi\",\"dueOn\":\"2022-06-30\"}")
                .statusCode(201)
                .extract()
                .path("id");
        // A day to come, or one before the programme, is not a day it was reached.
        for (String day : new String[] {java.time.LocalDate.now().plusDays(2).toString(), "2022-03-01"}) {
            post(id, "milestones/" + milestone + "/reached", "{\"reachedOn\":\"" + day + "\"}")
                    .statusCode(422)
                    .body("violations[0].field", equalTo("reachedOn"));
        }
        post(id, "milestones/" + milestone + "/reached", "{\"reachedOn\":\"2022-06-28\"}")
                .statusCode(200);
        // Abandoned before it started: refused; after, dated when it was.
        post(id, "abandon", "{\"reason\":\"Nessun fondo\",\"occurredAt\":\"2022-05-30T09:00:00+02:00\"}")
                .statusCode(422)
                .body("violations[0].field", equalTo("occurredAt"));
        post(id, "abandon", "{\"reason\":\"Nessun fondo\",\"occurredAt\":\"2022-07-15T12:00:00+02:00\"}")
                .statusCode(200);

        assertThat(OutboxProbe.events(UUID.fromString(id)))
                .extracting(e -> e.type().replace("it.ngsiena.feasibility.study.", "") + " "
                        + e.time().toInstant())
                .containsExactly(
                        "requested.v1 2022-05-20T07:00:00Z",
                        "started.v1 2022-06-01T07:00:00Z",
                        // the day it was reached, from midnight in Italy
                        "milestone-reached.v1 2022-06-27T22:00:00Z",
                        "abandoned.v1 2022-07-15T10:00:00Z");
    }

    @Test
    @TestSecurity(user = "openimpact", roles = "feasibility-partner")
    void editsNeedIfMatchAndTheStudyCarriesItsMilestonesDocumentsAndIndicators() {
        String id = open("052032");
        String url = "/v1/feasibility/studies/" + id;
        String edit = "{\"cup\":\"J61B22000120006\",\"leadRole\":\"Responsabile\"}";
        given().contentType(ContentType.JSON)
                .body(edit)
                .when()
                .patch(url)
                .then()
                .statusCode(428)
                .contentType(PROBLEM);
        given().contentType(ContentType.JSON)
                .header("If-Match", "\"5\"")
                .body(edit)
                .when()
                .patch(url)
                .then()
                .statusCode(412)
                .contentType(PROBLEM);
        given().contentType(ContentType.JSON)
                .header("If-Match", "\"0\"")
                .body("{\"cup\":\"short\"}")
                .when()
                .patch(url)
                .then()
                .statusCode(400)
                .body("violations[0].field", equalTo("cup"));
        given().contentType(ContentType.JSON)
                .header("If-Match", "\"0\"")
                .body(edit)
                .when()
                .patch(url)
                .then()
                .statusCode(200)
                .header("ETag", "\"1\"")
                .body("cup", equalTo("J61B22000120006"));

        String milestone = post(id, "milestones", "{\"title\":\"Analisi dei costi\",\"dueOn\":\"2022-11-30\"}")
                .statusCode(201)
                .extract()
                .path("id");
        post(id, "milestones", "{\"title\":\"Senza data\"}").statusCode(400);
        post(id, "milestones/" + milestone + "/reached", "{\"reachedOn\":\"2022-11-25\"}")
                .statusCode(200)
                .body("reachedOn", equalTo("2022-11-25"));
        post(id, "milestones/" + milestone + "/reached", "{\"reachedOn\":\"2022-11-25\"}")
                .statusCode(200);
        post(id, "milestones/" + milestone + "/reached", "{\"reachedOn\":\"2022-11-26\"}")
                .statusCode(409);
        post(id, "milestones/" + UUID.randomUUID() + "/reached", "{\"reachedOn\":\"2022-11-26\"}")
                .statusCode(404);
        assertThat(OutboxProbe.events(UUID.fromString(id), MilestoneReached.TYPE))
                .singleElement()
                .satisfies(e -> assertThat(e.data().get("reachedOn").asText()).isEqualTo("2022-11-25"));

        post(id, "documents", "{\"title\":\"Relazione\",\"url\":\"http://insecure.example.org/x.pdf\"}")
                .statusCode(400)
                .body("violations[0].field", equalTo("url"));
        post(id, "documents", "{\"title\":\"Relazione\",\"url\":\"https://docs.example.org/x.pdf\"}")
                .statusCode(201);
        post(id, "indicators", "{\"name\":\"CO2 evitata\",\"unit\":\"t/anno\",\"baseline\":0,\"target\":12.5}")
                .statusCode(201);
        post(id, "indicators", "{\"name\":\"CO2 evitata\",\"unit\":\"t/anno\",\"baseline\":0}")
                .statusCode(400);

        given().when()
                .get(url)
                .then()
                .statusCode(200)
                .body("milestones", hasSize(1))
                .body("documents", hasSize(1))
                .body("indicators[0].target", equalTo(12.5f));
    }

    @Test
    @TestSecurity(user = "openimpact", roles = "feasibility-partner")
    void badStudiesAreRefusedWithProblems() {
        given().contentType(ContentType.JSON)
                .body("{\"title\":\"\"}")
                .when()
                .post("/v1/feasibility/studies")
                .then()
                .statusCode(400)
                .contentType(PROBLEM);
        given().contentType(ContentType.JSON)
                .body(body(UUID.randomUUID(), null, "999999"))
                .when()
                .post("/v1/feasibility/studies")
                .then()
                .statusCode(422)
                .contentType(PROBLEM);
        given().contentType(ContentType.JSON)
                .body(body(UUID.randomUUID(), null, "052032").replace("DIGITAL_TRANSITION", "SPACE"))
                .when()
                .post("/v1/feasibility/studies")
                .then()
                .statusCode(400)
                .body("violations[0].field", equalTo("themes[0]"));
        given().contentType(ContentType.JSON)
                .body("not json")
                .when()
                .post("/v1/feasibility/studies")
                .then()
                .statusCode(400)
                .contentType(PROBLEM);
        given().when()
                .get("/v1/feasibility/studies/" + UUID.randomUUID())
                .then()
                .statusCode(404)
                .contentType(PROBLEM);
        given().queryParam("status", "DONE")
                .when()
                .get("/v1/feasibility/studies")
                .then()
                .statusCode(400)
                .contentType(PROBLEM);
    }
}
