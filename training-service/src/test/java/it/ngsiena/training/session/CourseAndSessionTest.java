package it.ngsiena.training.session;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.SecurityAttribute;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import it.ngsiena.contracts.training.CourseCreated;
import it.ngsiena.contracts.training.SessionCancelled;
import it.ngsiena.contracts.training.SessionHeld;
import it.ngsiena.contracts.training.SessionRescheduled;
import it.ngsiena.contracts.training.SessionScheduled;
import it.ngsiena.testkit.MailServerResource;
import it.ngsiena.testkit.OutboxProbe;
import it.ngsiena.testkit.PlatformTestResource;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(PlatformTestResource.class)
@WithTestResource(MailServerResource.class)
public class CourseAndSessionTest {

    static final String PROBLEM = "application/problem+json";
    public static final String COURSE = """
            {"title":"PNRR: bandi e rendicontazione","topic":"PNRR","description":"Le regole per i comuni attuatori",
             "plannedHours":12}""";
    public static final String ONLINE = """
            {"title":"Kickoff online","format":"ONLINE_SEMINAR","startsAt":"2022-03-24T10:00:00+01:00",
             "endsAt":"2022-03-24T12:00:00+01:00","meetingLink":"https://meet.example.org/kickoff","capacity":60,
             "trainer":"Docente Euronike"}""";

    public static String course() {
        return given().contentType(ContentType.JSON)
                .body(COURSE)
                .when()
                .post("/v1/training/courses")
                .then()
                .statusCode(201)
                .body("certificateThresholdPercent", equalTo(75))
                .body("topicLabelEn", equalTo("Recovery Plan and PNRR"))
                .extract()
                .path("id");
    }

    static String session(String course) {
        return given().contentType(ContentType.JSON)
                .body(ONLINE)
                .when()
                .post("/v1/training/courses/" + course + "/sessions")
                .then()
                .statusCode(201)
                .header("Location", containsString("/v1/training/sessions/"))
                .body("startsAt", equalTo("2022-03-24T09:00:00Z"))
                .extract()
                .path("id");
    }

    @Test
    @TestSecurity(user = "euronike", roles = "training-partner")
    void aSessionIsScheduledRescheduledAndHeldWithItsEvents() {
        String course = course();
        String id = session(course);
        assertThat(OutboxProbe.events(UUID.fromString(course), CourseCreated.TYPE))
                .hasSize(1);
        given().queryParam("course", course)
                .when()
                .get("/v1/training/calendar")
                .then()
                .statusCode(200)
                .body("items[0].id", equalTo(id))
                .body("items[0].trainer", nullValue())
                .body("items[0].meetingLink", nullValue());
        given().when()
                .get("/v1/training/sessions/" + id)
                .then()
                .statusCode(200)
                .body("trainer", equalTo("Docente Euronike"));

        String moved = "{\"startsAt\":\"2022-03-31T10:00:00+02:00\",\"endsAt\":\"2022-03-31T12:00:00+02:00\"}";
        given().contentType(ContentType.JSON)
                .body(moved)
                .when()
                .put("/v1/training/sessions/" + id + "/schedule")
                .then()
                .statusCode(428);
        given().contentType(ContentType.JSON)
                .header("If-Match", "\"3\"")
                .body(moved)
                .when()
                .put("/v1/training/sessions/" + id + "/schedule")
                .then()
                .statusCode(412);
        given().contentType(ContentType.JSON)
                .header("If-Match", "\"0\"")
                .body(moved)
                .when()
                .put("/v1/training/sessions/" + id + "/schedule")
                .then()
                .statusCode(200)
                .header("ETag", "\"1\"")
                .body("startsAt", equalTo("2022-03-31T08:00:00Z"));

        given().contentType(ContentType.JSON)
                .body("{\"deliveredHours\":2.5}")
                .when()
                .post("/v1/training/sessions/" + id + "/held")
                .then()
                .statusCode(422)
                .contentType(PROBLEM);
        given().contentType(ContentType.JSON)
                .body("{\"deliveredHours\":2}")
                .when()
                .post("/v1/training/sessions/" + id + "/held")
                .then()
                .statusCode(200)
                .body("status", equalTo("HELD"))
                .body("deliveredHours", equalTo(2));
        given().contentType(ContentType.JSON)
                .body("{\"deliveredHours\":2}")
                .when()
                .post("/v1/training/sessions/" + id + "/held")
                .then()
                .statusCode(409)
                .body("currentStatus", equalTo("HELD"));
        given().contentType(ContentType.JSON)
                .body("{\"reason\":\"tardi\"}")
                .when()
                .post("/v1/training/sessions/" + id + "/cancel")
                .then()
                .statusCode(409);
        given().contentType(ContentType.JSON)
                .header("If-Match", "\"2\"")
                .body(moved)
                .when()
                .put("/v1/training/sessions/" + id + "/schedule")
                .then()
                .statusCode(409);

        var events = OutboxProbe.events(UUID.fromString(id));
        assertThat(events)
                .extracting(OutboxProbe.Event::type)
                .containsExactly(SessionScheduled.TYPE, SessionRescheduled.TYPE, SessionHeld.TYPE);
        assertThat(events.get(1).data().get("sequence").asLong()).isEqualTo(1);
        assertThat(events.get(2).data().get("deliveredHours").decimalValue()).isEqualByComparingTo("2");
        events.forEach(
                e -> assertThat(e.data().toString()).doesNotContain("Docente").doesNotContain("meet.example"));
    }

    @Test
    @TestSecurity(user = "admin", roles = "programme-admin")
    void aScheduledSessionCanBeCancelled() {
        String id = session(course());
        given().contentType(ContentType.JSON)
                .body("{\"reason\":\"Docente indisponibile\"}")
                .when()
                .post("/v1/training/sessions/" + id + "/cancel")
                .then()
                .statusCode(200)
                .body("status", equalTo("CANCELLED"));
        assertThat(OutboxProbe.events(UUID.fromString(id), SessionCancelled.TYPE))
                .singleElement()
                .satisfies(e -> assertThat(e.data().get("reason").asText()).isEqualTo("Docente indisponibile"));
        given().queryParam("status", "CANCELLED")
                .queryParam("size", 100)
                .when()
                .get("/v1/training/sessions")
                .then()
                .statusCode(200)
                .body("items.id", hasItem(id));
    }

    @Test
    @TestSecurity(user = "euronike", roles = "training-partner")
    void badSessionsAndCoursesAreRefused() {
        String course = course();
        given().contentType(ContentType.JSON)
                .body(ONLINE.replace("\"meetingLink\":\"https://meet.example.org/kickoff\",", ""))
                .when()
                .post("/v1/training/courses/" + course + "/sessions")
                .then()
                .statusCode(400)
                .contentType(PROBLEM)
                .body("violations.field", hasItem("meetingLink"));
        given().contentType(ContentType.JSON)
                .body(ONLINE.replace("ONLINE_SEMINAR", "IN_PERSON_DAY"))
                .when()
                .post("/v1/training/courses/" + course + "/sessions")
                .then()
                .statusCode(400)
                .body("violations.field", hasItem("venue"));
        given().contentType(ContentType.JSON)
                .body(ONLINE.replace("12:00:00", "09:00:00"))
                .when()
                .post("/v1/training/courses/" + course + "/sessions")
                .then()
                .statusCode(400)
                .body("violations.field", hasItem("endsAt"));
        given().contentType(ContentType.JSON)
                .body(ONLINE)
                .when()
                .post("/v1/training/courses/" + UUID.randomUUID() + "/sessions")
                .then()
                .statusCode(404)
                .contentType(PROBLEM);
        given().contentType(ContentType.JSON)
                .body(COURSE.replace("PNRR\",\"desc", "ASTROLOGY\",\"desc"))
                .when()
                .post("/v1/training/courses")
                .then()
                .statusCode(400)
                .body("violations[0].field", equalTo("topic"));
        given().contentType(ContentType.JSON)
                .body(COURSE.replace("12}", "0}"))
                .when()
                .post("/v1/training/courses")
                .then()
                .statusCode(400)
                .body("violations[0].field", equalTo("plannedHours"));
        given().contentType(ContentType.JSON)
                .body("{\"title\":\"Nuovo\"}")
                .when()
                .patch("/v1/training/courses/" + course)
                .then()
                .statusCode(428);
        given().contentType(ContentType.JSON)
                .header("If-Match", "\"0\"")
                .body("{\"certificateThresholdPercent\":80}")
                .when()
                .patch("/v1/training/courses/" + course)
                .then()
                .statusCode(200)
                .body("certificateThresholdPercent", equalTo(80))
                .header("ETag", "\"1\"");
        given().queryParam("from", "ieri")
                .when()
                .get("/v1/training/sessions")
                .then()
                .statusCode(400)
                .body("violations[0].field", equalTo("from"));
    }

    @Test
    @TestSecurity(
            user = "officer-siena",
            roles = "municipality-officer",
            attributes = @SecurityAttribute(key = "municipality", value = "052032"))
    void officersReadButDoNotManage() {
        given().contentType(ContentType.JSON)
                .body(COURSE)
                .when()
                .post("/v1/training/courses")
                .then()
                .statusCode(403);
        given().when().get("/v1/training/courses").then().statusCode(200);
        given().when().get("/v1/training/sessions").then().statusCode(200);
    }

    @Test
    void thePublicCalendarIsAnonymousAndHasNoPersonalData() {
        given().when().get("/v1/training/courses").then().statusCode(401).contentType(PROBLEM);
        given().contentType(ContentType.JSON)
                .body(COURSE)
                .when()
                .post("/v1/training/courses")
                .then()
                .statusCode(401);
        given().queryParam("size", 100)
                .when()
                .get("/v1/training/calendar")
                .then()
                .statusCode(200)
                .body("items.trainer", not(hasItem("Docente Euronike")));
        given().when().get("/v1/training/topics").then().statusCode(200).body("items.code", hasItem("AREA_GOVERNANCE"));
    }
}
