package it.ngsiena.participation.need;

import static io.restassured.RestAssured.given;
import static it.ngsiena.participation.support.Fixtures.MONTEPULCIANO;
import static it.ngsiena.participation.support.Fixtures.SIENA;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.SecurityAttribute;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import it.ngsiena.contracts.participation.NeedPrioritised;
import it.ngsiena.contracts.participation.NeedRejected;
import it.ngsiena.contracts.participation.NeedStatusChanged;
import it.ngsiena.contracts.participation.NeedUpdated;
import it.ngsiena.participation.support.Fixtures;
import it.ngsiena.testkit.PlatformTestResource;
import jakarta.inject.Inject;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(PlatformTestResource.class)
class NeedLifecycleTest {

    static final String PROBLEM = "application/problem+json";

    @Inject
    Fixtures fixtures;

    private static void move(UUID id, String action, String body, int status) {
        var request = given().contentType(ContentType.JSON);
        if (body != null) {
            request.body(body);
        }
        request.when()
                .post("/v1/participation/needs/" + id + "/" + action)
                .then()
                .statusCode(status);
    }

    @Test
    @TestSecurity(user = "codesign", roles = "participation-partner")
    void aNeedIsWithdrawnWithItsReasonBeforeItIsDecidedAndNotAfter() {
        UUID id = fixtures.need(NeedStatus.UNDER_REVIEW, SIENA);
        move(id, "withdraw", "{}", 400);
        given().contentType(ContentType.JSON)
                .body("{\"reason\":\"Il comune ha trovato un'altra soluzione\"}")
                .when()
                .post("/v1/participation/needs/" + id + "/withdraw")
                .then()
                .statusCode(200)
                .body("status", equalTo("WITHDRAWN"))
                .body("statusLabelIt", equalTo("Ritirato"))
                .body("answer", equalTo("Il comune ha trovato un'altra soluzione"));
        move(id, "review", null, 409);
        assertThat(fixtures.events(id, NeedStatusChanged.TYPE))
                .singleElement()
                .satisfies(e -> assertThat(e.data().get("to").asText()).isEqualTo("WITHDRAWN"));

        UUID prioritised = fixtures.need(NeedStatus.PRIORITISED, SIENA);
        given().contentType(ContentType.JSON)
                .body("{\"reason\":\"Troppo tardi\"}")
                .when()
                .post("/v1/participation/needs/" + prioritised + "/withdraw")
                .then()
                .statusCode(409)
                .body("currentStatus", equalTo("PRIORITISED"));
    }

    @Test
    @TestSecurity(user = "codesign", roles = "participation-partner")
    void decisionsRecordedAfterwardsAreDatedWhenTheyWereTaken() {
        java.time.OffsetDateTime collected = java.time.OffsetDateTime.parse("2022-04-12T10:00:00+02:00");
        UUID prioritised = fixtures.need(collected, NeedStatus.SUBMITTED, SIENA);
        UUID rejected = fixtures.need(collected, NeedStatus.SUBMITTED, SIENA);

        // A review before the need was collected is refused, naming the field; nothing moves.
        given().queryParam("occurredAt", "2022-04-11T10:00:00+02:00")
                .when()
                .post("/v1/participation/needs/" + prioritised + "/review")
                .then()
                .statusCode(422)
                .contentType(PROBLEM)
                .body("violations[0].field", equalTo("occurredAt"));
        assertThat(fixtures.load(prioritised).status).isEqualTo(NeedStatus.SUBMITTED);

        given().queryParam("occurredAt", "2022-04-20T10:00:00+02:00")
                .when()
                .post("/v1/participation/needs/" + prioritised + "/review")
                .then()
                .statusCode(200);
        move(
                prioritised,
                "prioritise",
                "{\"rationale\":\"Condiviso\",\"occurredAt\":\"2022-05-03T10:00:00+02:00\"}",
                200);
        move(rejected, "reject", "{\"answer\":\"Già coperto\",\"occurredAt\":\"2022-05-04T10:00:00+02:00\"}", 200);

        assertThat(fixtures.events(prioritised))
                .extracting(e -> e.type().replace("it.ngsiena.participation.need.", "") + " "
                        + e.time().toInstant())
                .containsExactly(
                        "status-changed.v1 2022-04-20T08:00:00Z",
                        "status-changed.v1 2022-05-03T08:00:00Z",
                        "prioritised.v1 2022-05-03T08:00:00Z");
        assertThat(fixtures.events(prioritised, NeedPrioritised.TYPE))
                .singleElement()
                .satisfies(
                        e -> assertThat(e.data().get("prioritisedAt").asText()).startsWith("2022-05-03T08:00"));
        assertThat(fixtures.events(rejected))
                .extracting(e -> e.type().replace("it.ngsiena.participation.need.", "") + " "
                        + e.time().toInstant())
                .containsExactly("status-changed.v1 2022-05-04T08:00:00Z", "rejected.v1 2022-05-04T08:00:00Z");
    }

    @Test
    @TestSecurity(user = "codesign", roles = "participation-partner")
    void reviewThenPrioritiseWithARationale() {
        UUID id = fixtures.need(NeedStatus.SUBMITTED, SIENA);
        given().when()
                .post("/v1/participation/needs/" + id + "/review")
                .then()
                .statusCode(200)
                .body("status", equalTo("UNDER_REVIEW"))
                .body("statusLabelIt", equalTo("In esame"));
        given().contentType(ContentType.JSON)
                .body("{\"rationale\":\"Condiviso da molti comuni\"}")
                .when()
                .post("/v1/participation/needs/" + id + "/prioritise")
                .then()
                .statusCode(200)
                .body("status", equalTo("PRIORITISED"))
                .body("rationale", equalTo("Condiviso da molti comuni"));

        var changes = fixtures.events(id, NeedStatusChanged.TYPE);
        assertThat(changes)
                .extracting(e ->
                        e.data().get("from").asText() + ">" + e.data().get("to").asText())
                .containsExactly("SUBMITTED>UNDER_REVIEW", "UNDER_REVIEW>PRIORITISED");
        var prioritised = fixtures.events(id, NeedPrioritised.TYPE);
        assertThat(prioritised).singleElement().satisfies(e -> {
            assertThat(e.data().get("needId").asText()).isEqualTo(id.toString());
            assertThat(e.data().get("rationale").asText()).isEqualTo("Condiviso da molti comuni");
            assertThat(e.data().get("municipalities").get(0).asText()).isEqualTo(SIENA);
        });
    }

    @Test
    @TestSecurity(user = "admin", roles = "programme-admin")
    void rejectFromSubmittedOrUnderReviewNeedsAnAnswer() {
        UUID submitted = fixtures.need(NeedStatus.SUBMITTED, SIENA);
        move(submitted, "reject", "{\"answer\":\" \"}", 400);
        move(submitted, "reject", "{\"answer\":\"Già coperto dal servizio provinciale\"}", 200);
        assertThat(fixtures.events(submitted, NeedRejected.TYPE))
                .singleElement()
                .satisfies(e -> assertThat(e.data().get("answer").asText()).startsWith("Già coperto"));

        UUID underReview = fixtures.need(NeedStatus.UNDER_REVIEW, SIENA);
        move(underReview, "reject", "{\"answer\":\"Fuori ambito\"}", 200);
        assertThat(fixtures.load(underReview).status).isEqualTo(NeedStatus.REJECTED);
    }

    @Test
    @TestSecurity(user = "codesign", roles = "participation-partner")
    void illegalMovesAre409NamingTheStateAndTheAllowedMoves() {
        UUID submitted = fixtures.need(NeedStatus.SUBMITTED, SIENA);
        given().contentType(ContentType.JSON)
                .body("{\"rationale\":\"troppo presto\"}")
                .when()
                .post("/v1/participation/needs/" + submitted + "/prioritise")
                .then()
                .statusCode(409)
                .contentType(PROBLEM)
                .body("currentStatus", equalTo("SUBMITTED"))
                .body("allowedMoves", hasItems("REJECTED", "UNDER_REVIEW"))
                .body("detail", containsString("SUBMITTED"));

        UUID prioritised = fixtures.need(NeedStatus.PRIORITISED, SIENA);
        move(prioritised, "review", null, 409);
        move(prioritised, "reject", "{\"answer\":\"no\"}", 409);
        UUID rejected = fixtures.need(NeedStatus.REJECTED, SIENA);
        given().when()
                .post("/v1/participation/needs/" + rejected + "/review")
                .then()
                .statusCode(409)
                .body("detail", containsString("final"));
        UUID assessed = fixtures.need(NeedStatus.ASSESSED, SIENA);
        move(assessed, "review", null, 409);
        move(UUID.randomUUID(), "review", null, 404);
        assertThat(fixtures.events(prioritised)).isEmpty();
    }

    @Test
    @TestSecurity(
            user = "officer-siena",
            roles = "municipality-officer",
            attributes = @SecurityAttribute(key = "municipality", value = SIENA))
    void editingNeedsTheCurrentETagAndAnEditableState() {
        UUID id = fixtures.need(NeedStatus.SUBMITTED, SIENA, MONTEPULCIANO);
        String body = "{\"title\":\"Titolo rivisto\",\"theme\":\"DIGITAL_TRANSITION\"}";
        given().contentType(ContentType.JSON)
                .body(body)
                .when()
                .patch("/v1/participation/needs/" + id)
                .then()
                .statusCode(428)
                .contentType(PROBLEM);
        given().contentType(ContentType.JSON)
                .header("If-Match", "\"5\"")
                .body(body)
                .when()
                .patch("/v1/participation/needs/" + id)
                .then()
                .statusCode(412)
                .contentType(PROBLEM);
        given().contentType(ContentType.JSON)
                .header("If-Match", "\"0\"")
                .body(body)
                .when()
                .patch("/v1/participation/needs/" + id)
                .then()
                .statusCode(200)
                .header("ETag", "\"1\"")
                .body("title", equalTo("Titolo rivisto"))
                .body("description", equalTo("Descrizione di prova"))
                .body("theme", equalTo("DIGITAL_TRANSITION"));
        given().contentType(ContentType.JSON)
                .header("If-Match", "\"0\"")
                .body(body)
                .when()
                .patch("/v1/participation/needs/" + id)
                .then()
                .statusCode(412);
        given().contentType(ContentType.JSON)
                .header("If-Match", "\"1\"")
                .body("{}")
                .when()
                .patch("/v1/participation/needs/" + id)
                .then()
                .statusCode(400)
                .contentType(PROBLEM);
        // The type the API document names for PATCH: a JSON merge patch (RFC 7396), same meaning.
        given().contentType("application/merge-patch+json")
                .header("If-Match", "\"1\"")
                .body("{\"description\":\"Descrizione rivista\"}")
                .when()
                .patch("/v1/participation/needs/" + id)
                .then()
                .statusCode(200)
                .header("ETag", "\"2\"")
                .body("title", equalTo("Titolo rivisto"))
                .body("description", equalTo("Descrizione rivista"));
        assertThat(fixtures.events(id, NeedUpdated.TYPE))
                .extracting(e -> e.data().get("version").asLong())
                .containsExactly(1L, 2L);
        // null would remove the field in RFC 7396, and no field of a need can be removed: refused, naming it,
        // and nothing changed (with application/json too, the same meaning).
        for (String type : List.of("application/merge-patch+json", "application/json")) {
            given().contentType(type)
                    .header("If-Match", "\"2\"")
                    .body("{\"title\":\"Altro\",\"description\":null}")
                    .when()
                    .patch("/v1/participation/needs/" + id)
                    .then()
                    .statusCode(400)
                    .contentType(PROBLEM)
                    .body("violations.field", org.hamcrest.Matchers.contains("description"));
        }
        given().when()
                .get("/v1/participation/needs/" + id)
                .then()
                .statusCode(200)
                .header("ETag", "\"2\"")
                .body("title", equalTo("Titolo rivisto"));

        UUID prioritised = fixtures.need(NeedStatus.PRIORITISED, SIENA);
        given().contentType(ContentType.JSON)
                .header("If-Match", "\"0\"")
                .body(body)
                .when()
                .patch("/v1/participation/needs/" + prioritised)
                .then()
                .statusCode(409)
                .body("currentStatus", equalTo("PRIORITISED"));
        UUID other = fixtures.need(NeedStatus.SUBMITTED, MONTEPULCIANO);
        given().contentType(ContentType.JSON)
                .header("If-Match", "\"0\"")
                .body(body)
                .when()
                .patch("/v1/participation/needs/" + other)
                .then()
                .statusCode(403);
    }
}
