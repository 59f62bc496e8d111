package it.ngsiena.participation.workshop;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import it.ngsiena.contracts.participation.WorkshopCancelled;
import it.ngsiena.contracts.participation.WorkshopHeld;
import it.ngsiena.contracts.participation.WorkshopPlanned;
import it.ngsiena.participation.support.Fixtures;
import it.ngsiena.testkit.OutboxProbe;
import it.ngsiena.testkit.PlatformTestResource;
import jakarta.inject.Inject;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(PlatformTestResource.class)
class WorkshopTest {

    static final String WORKSHOP = """
            {"title":"Laboratorio Val d'Orcia","startsAt":"2022-05-12T15:00:00+02:00",
             "endsAt":"2022-05-12T18:00:00+02:00","place":"Sala consiliare, Pienza",
             "municipalities":["052021","052030"],"facilitator":"Co-Design Toscana"}""";

    @Inject
    Fixtures fixtures;

    private String plan() {
        return given().contentType(ContentType.JSON)
                .body(WORKSHOP)
                .when()
                .post("/v1/participation/workshops")
                .then()
                .statusCode(201)
                .body("status", equalTo("PLANNED"))
                .body("startsAt", equalTo("2022-05-12T13:00:00Z"))
                .extract()
                .path("id");
    }

    @Test
    @TestSecurity(user = "codesign", roles = "participation-partner")
    void aWorkshopIsPlannedHeldAndCollectsNeeds() {
        String id = plan();
        given().contentType(ContentType.JSON)
                .body("{\"attendanceCount\":34,\"minutes\":\"Emersi 6 bisogni\"}")
                .when()
                .post("/v1/participation/workshops/" + id + "/held")
                .then()
                .statusCode(200)
                .body("status", equalTo("HELD"))
                .body("attendanceCount", equalTo(34));
        given().contentType(ContentType.JSON)
                .body("{\"reason\":\"troppo tardi\"}")
                .when()
                .post("/v1/participation/workshops/" + id + "/cancel")
                .then()
                .statusCode(409)
                .body("currentStatus", equalTo("HELD"));

        String need = given().contentType(ContentType.JSON)
                .body("""
                        {"title":"Bus a chiamata","description":"Dal laboratorio","theme":"MOBILITY",
                         "municipalities":["052021"],"origin":"WORKSHOP","workshopId":"%s"}""".formatted(id))
                .when()
                .post("/v1/participation/needs")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        given().queryParam("workshop", id)
                .when()
                .get("/v1/participation/needs")
                .then()
                .statusCode(200)
                .body("items.id", hasItem(need));
        given().contentType(ContentType.JSON)
                .body("""
                        {"title":"x","description":"y","theme":"MOBILITY","municipalities":["052021"],
                         "workshopId":"%s"}""".formatted(UUID.randomUUID()))
                .when()
                .post("/v1/participation/needs")
                .then()
                .statusCode(422)
                .body("violations[0].field", equalTo("workshopId"));

        UUID workshop = UUID.fromString(id);
        assertThat(fixtures.events(workshop))
                .extracting(OutboxProbe.Event::type)
                .containsExactly(WorkshopPlanned.TYPE, WorkshopHeld.TYPE);
        assertThat(fixtures.events(workshop, WorkshopHeld.TYPE)
                        .get(0)
                        .data()
                        .get("attendanceCount")
                        .asInt())
                .isEqualTo(34);
        assertThat(fixtures.events(workshop, WorkshopPlanned.TYPE).get(0).data().has("facilitator"))
                .isFalse();
    }

    @Test
    @TestSecurity(user = "codesign", roles = "participation-partner")
    void aWorkshopRecordedAfterwardsIsHeldWhenItTookPlace() {
        String id = plan();
        // Not before it started, not in the future: 422 naming the field, the workshop still planned.
        for (String when : new String[] {
            "2022-05-12T14:59:00+02:00",
            java.time.OffsetDateTime.now().plusDays(1).toString()
        }) {
            given().contentType(ContentType.JSON)
                    .body("{\"attendanceCount\":31,\"occurredAt\":\"" + when + "\"}")
                    .when()
                    .post("/v1/participation/workshops/" + id + "/held")
                    .then()
                    .statusCode(422)
                    .body("violations[0].field", equalTo("occurredAt"));
        }
        given().contentType(ContentType.JSON)
                .body("{\"attendanceCount\":31,\"occurredAt\":\"2022-05-12T18:30:00+02:00\"}")
                .when()
                .post("/v1/participation/workshops/" + id + "/held")
                .then()
                .statusCode(200)
                .body("status", equalTo("HELD"))
                .body("heldAt", equalTo("2022-05-12T16:30:00Z"));
        assertThat(fixtures.events(UUID.fromString(id), WorkshopHeld.TYPE)
                        .get(0)
                        .data()
                        .get("heldAt")
                        .asText())
                .startsWith("2022-05-12T16:30:00");
        assertThat(fixtures.events(UUID.fromString(id), WorkshopHeld.TYPE)
                        .get(0)
                        .time())
                .isAtSameInstantAs(java.time.OffsetDateTime.parse("2022-05-12T16:30:00Z"));
    }

    private String etag(String id) {
        return given().when()
                .get("/v1/participation/workshops/" + id)
                .then()
                .statusCode(200)
                .extract()
                .header("ETag");
    }

    @Test
    @TestSecurity(user = "codesign", roles = "participation-partner")
    void aPlannedWorkshopIsRePlannedAndAHeldOnesMinutesCorrected() {
        String id = plan();
        // Without If-Match: 428; an impossible plan: 400 naming the field, as when it is planned.
        given().contentType("application/merge-patch+json")
                .body("{\"startsAt\":\"2022-05-19T15:00:00+02:00\"}")
                .when()
                .patch("/v1/participation/workshops/" + id)
                .then()
                .statusCode(428);
        given().contentType("application/merge-patch+json")
                .header("If-Match", etag(id))
                .body("{\"startsAt\":\"2022-05-19T15:00:00+02:00\"}")
                .when()
                .patch("/v1/participation/workshops/" + id)
                .then()
                .statusCode(400)
                .body("violations[0].field", equalTo("endsAt"));
        given().contentType("application/merge-patch+json")
                .header("If-Match", etag(id))
                .body("{\"minutes\":\"Non ancora\"}")
                .when()
                .patch("/v1/participation/workshops/" + id)
                .then()
                .statusCode(409)
                .body("currentStatus", equalTo("PLANNED"));

        // Moved a week later, somewhere else: published as planned again, with the next sequence.
        given().contentType("application/merge-patch+json")
                .header("If-Match", etag(id))
                .body("""
                        {"startsAt":"2022-05-19T15:00:00+02:00","endsAt":"2022-05-19T18:00:00+02:00",
                         "place":"Biblioteca comunale, San Quirico d'Orcia"}""")
                .when()
                .patch("/v1/participation/workshops/" + id)
                .then()
                .statusCode(200)
                .body("startsAt", equalTo("2022-05-19T13:00:00Z"))
                .body("place", equalTo("Biblioteca comunale, San Quirico d'Orcia"))
                .body("title", equalTo("Laboratorio Val d'Orcia"));
        var planned = fixtures.events(UUID.fromString(id), WorkshopPlanned.TYPE);
        assertThat(planned).hasSize(2);
        assertThat(planned.get(1).data().get("startsAt").asText()).startsWith("2022-05-19T13:00");
        assertThat(planned.get(1).data().get("sequence").asLong())
                .isGreaterThan(planned.get(0).data().get("sequence").asLong());

        given().contentType(ContentType.JSON)
                .body("{\"attendanceCount\":28,\"minutes\":\"Emersi 5 bisogni\"}")
                .when()
                .post("/v1/participation/workshops/" + id + "/held")
                .then()
                .statusCode(200);
        // Once held the plan stays; the minutes are corrected and read back rendered, script escaped.
        given().contentType("application/merge-patch+json")
                .header("If-Match", etag(id))
                .body("{\"title\":\"Altro titolo\"}")
                .when()
                .patch("/v1/participation/workshops/" + id)
                .then()
                .statusCode(409)
                .body("currentStatus", equalTo("HELD"));
        given().contentType("application/merge-patch+json")
                .header("If-Match", etag(id))
                .body("{\"minutes\":\"Emersi **6** bisogni <script>alert(1)</script>\"}")
                .when()
                .patch("/v1/participation/workshops/" + id)
                .then()
                .statusCode(200)
                .body("minutes", equalTo("Emersi **6** bisogni <script>alert(1)</script>"));
        String html = given().when()
                .get("/v1/participation/workshops/" + id)
                .then()
                .statusCode(200)
                .extract()
                .path("minutesHtml");
        assertThat(html)
                .contains("<strong>6</strong>")
                .contains("&lt;script&gt;")
                .doesNotContain("<script>");
        assertThat(fixtures.events(UUID.fromString(id), WorkshopPlanned.TYPE))
                .as("minutes are not in events")
                .hasSize(2);
    }

    @Test
    @TestSecurity(user = "admin", roles = "programme-admin")
    void aPlannedWorkshopCanBeCancelled() {
        String id = plan();
        given().contentType(ContentType.JSON)
                .body("{\"reason\":\"Allerta meteo\"}")
                .when()
                .post("/v1/participation/workshops/" + id + "/cancel")
                .then()
                .statusCode(200)
                .body("status", equalTo("CANCELLED"));
        assertThat(fixtures.events(UUID.fromString(id), WorkshopCancelled.TYPE)).hasSize(1);
        given().queryParam("status", "CANCELLED")
                .when()
                .get("/v1/participation/workshops")
                .then()
                .statusCode(200)
                .body("items.id", hasItem(id));
    }

    @Test
    @TestSecurity(user = "admin", roles = "programme-admin")
    void invalidWorkshopsAreRefused() {
        given().contentType(ContentType.JSON)
                .body(WORKSHOP.replace("18:00:00", "14:00:00"))
                .when()
                .post("/v1/participation/workshops")
                .then()
                .statusCode(400)
                .body("violations.field", hasItem("endsAt"));
        given().contentType(ContentType.JSON)
                .body(WORKSHOP.replace("\"place\":\"Sala consiliare, Pienza\",", ""))
                .when()
                .post("/v1/participation/workshops")
                .then()
                .statusCode(400)
                .body("violations.field", hasItem("place"));
        given().contentType(ContentType.JSON)
                .body(WORKSHOP.replace("052030", "052999"))
                .when()
                .post("/v1/participation/workshops")
                .then()
                .statusCode(422);
    }

    @Test
    @TestSecurity(user = "viewer", roles = "viewer")
    void viewersReadButDoNotPlan() {
        given().contentType(ContentType.JSON)
                .body(WORKSHOP)
                .when()
                .post("/v1/participation/workshops")
                .then()
                .statusCode(403);
        given().when().get("/v1/participation/workshops").then().statusCode(200);
        given().when()
                .get("/v1/participation/workshops/" + UUID.randomUUID())
                .then()
                .statusCode(404);
    }
}
