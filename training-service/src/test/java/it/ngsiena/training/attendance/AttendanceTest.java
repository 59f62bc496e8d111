package it.ngsiena.training.attendance;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import it.ngsiena.contracts.training.AttendanceRecorded;
import it.ngsiena.contracts.training.CertificateIssued;
import it.ngsiena.contracts.training.SessionHeld;
import it.ngsiena.testkit.MailServerResource;
import it.ngsiena.testkit.OutboxProbe;
import it.ngsiena.testkit.PlatformTestResource;
import it.ngsiena.training.participant.ParticipantVisibilityTest;
import it.ngsiena.training.session.CourseAndSessionTest;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(PlatformTestResource.class)
@WithTestResource(MailServerResource.class)
public class AttendanceTest {

    /** A course of two planned hours: one held session of two hours earns its certificate. */
    public static String twoHourCourse() {
        return given().contentType(ContentType.JSON)
                .body(CourseAndSessionTest.COURSE.replace("12}", "2}"))
                .when()
                .post("/v1/training/courses")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    public static String heldSession(String course, String day, UUID... participants) {
        String session = given().contentType(ContentType.JSON)
                .body(CourseAndSessionTest.ONLINE.replace("2022-03-24", day))
                .when()
                .post("/v1/training/courses/" + course + "/sessions")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        for (UUID p : participants) {
            given().contentType(ContentType.JSON)
                    .body("{\"participantId\":\"" + p + "\"}")
                    .when()
                    .post("/v1/training/sessions/" + session + "/enrolments")
                    .then()
                    .statusCode(201);
        }
        given().contentType(ContentType.JSON)
                .body("{\"deliveredHours\":2}")
                .when()
                .post("/v1/training/sessions/" + session + "/held")
                .then()
                .statusCode(200);
        return session;
    }

    public static JsonPath push(String session, String lines, int status) {
        return given().contentType(ContentType.JSON)
                .body("{\"attendance\":[" + lines + "]}")
                .when()
                .put("/v1/training/sessions/" + session + "/attendance")
                .then()
                .statusCode(status)
                .extract()
                .jsonPath();
    }

    public static String line(UUID participant, String hours) {
        return "{\"participantId\":\"" + participant + "\",\"hoursAttended\":" + hours + "}";
    }

    @Test
    @TestSecurity(user = "euronike", roles = "training-partner")
    void attendanceIsIdempotentBoundedAndEarnsOneCertificateAtTheThreshold() {
        String course = twoHourCourse();
        UUID giulia = ParticipantVisibilityTest.stored("052032");
        UUID marco = ParticipantVisibilityTest.stored("052011");
        String first = heldSession(course, "2022-04-07", giulia, marco);

        push(first, line(giulia, "2.5"), 422);
        push(first, line(UUID.randomUUID(), "1"), 422);
        push(first, line(giulia, "1") + "," + line(giulia, "1"), 422);
        push(first, line(giulia, "-1"), 400);

        JsonPath recorded = push(first, line(giulia, "2") + "," + line(marco, "1"), 200);
        assertThat(recorded.getBoolean("changed")).isTrue();
        assertThat(recorded.getList("certificatesIssued")).hasSize(1);
        JsonPath again = push(first, line(marco, "1") + "," + line(giulia, "2.00"), 200);
        assertThat(again.getBoolean("changed")).isFalse();
        assertThat(again.getList("certificatesIssued")).isEmpty();
        assertThat(OutboxProbe.events(UUID.fromString(first), AttendanceRecorded.TYPE))
                .singleElement()
                .satisfies(e -> {
                    assertThat(e.data().get("attendance")).hasSize(2);
                    assertThat(e.data().toString()).doesNotContain("Nome").doesNotContain("@");
                });

        // A second held session doubles the course's held hours: the threshold becomes 3 of 4 hours.
        String second = heldSession(course, "2022-04-14", marco);
        JsonPath later = push(second, line(marco, "2"), 200);
        assertThat(later.getList("certificatesIssued")).hasSize(1);
        push(second, line(marco, "2"), 200);

        UUID giuliaCertificate = UUID.fromString(recorded.getString("certificatesIssued[0]"));
        var issued = OutboxProbe.events(giuliaCertificate, CertificateIssued.TYPE);
        assertThat(issued).singleElement().satisfies(e -> {
            assertThat(e.data().get("participantId").asText()).isEqualTo(giulia.toString());
            assertThat(e.data().get("municipality").asText()).isEqualTo("052032");
        });
        String code = io.quarkus.narayana.jta.QuarkusTransaction.requiringNew()
                .call(() -> Certificate.<Certificate>findById(giuliaCertificate).code);
        given().when()
                .get("/v1/training/certificates/" + code)
                .then()
                .statusCode(200)
                .body("participantInitials", equalTo("N. C."))
                .body("attendedHours", equalTo(2.0f));
        given().when().get("/v1/training/certificates/NGS-NOPE").then().statusCode(404);

        given().when()
                .get("/v1/training/reports/courses/" + course)
                .then()
                .statusCode(200)
                .body("enrolled", equalTo(2))
                .body("attended", equalTo(2))
                .body("certificates", equalTo(2))
                .body("completionRate", equalTo(1.0f));
        given().when()
                .get("/v1/training/reports/municipalities/052011")
                .then()
                .statusCode(200)
                .body("peopleTrained.EMPLOYEE", org.hamcrest.Matchers.greaterThanOrEqualTo(1))
                .body("sessionsAttended", org.hamcrest.Matchers.greaterThanOrEqualTo(2));
        given().when().get("/v1/training/reports/municipalities/999999").then().statusCode(404);
    }

    @Test
    @io.quarkus.test.security.TestSecurity(
            user = "officer-siena",
            roles = "municipality-officer",
            attributes = @io.quarkus.test.security.SecurityAttribute(key = "municipality", value = "052032"))
    void officersSeeTheirOwnMunicipalityReportOnly() {
        given().when()
                .get("/v1/training/reports/municipalities/052032")
                .then()
                .statusCode(200)
                .body("municipality", equalTo("052032"));
        given().when().get("/v1/training/reports/municipalities/052011").then().statusCode(403);
        given().when()
                .get("/v1/training/reports/courses/" + UUID.randomUUID())
                .then()
                .statusCode(403);
    }

    @Test
    @TestSecurity(user = "euronike", roles = "training-partner")
    void noCertificateBeforeThreeQuartersOfThePlannedHours() {
        String course = CourseAndSessionTest.course();
        UUID someone = ParticipantVisibilityTest.stored("052032");
        String session = heldSession(course, "2022-05-12", someone);
        assertThat(push(session, line(someone, "2"), 200).getList("certificatesIssued"))
                .isEmpty();
    }

    @Test
    @TestSecurity(user = "euronike", roles = "training-partner")
    void attendanceOnlyForHeldSessions() {
        String course = CourseAndSessionTest.course();
        String scheduled = given().contentType(ContentType.JSON)
                .body(CourseAndSessionTest.ONLINE)
                .when()
                .post("/v1/training/courses/" + course + "/sessions")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        push(scheduled, "", 409);
    }

    @Test
    @TestSecurity(user = "euronike", roles = "training-partner")
    void aSessionRecordedAfterwardsIsHeldAndCertifiesWhenItTookPlace() {
        String course = twoHourCourse();
        UUID siena = ParticipantVisibilityTest.stored("052032");
        String session = given().contentType(ContentType.JSON)
                .body(CourseAndSessionTest.ONLINE.replace("2022-03-24", "2022-06-16"))
                .when()
                .post("/v1/training/courses/" + course + "/sessions")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        given().contentType(ContentType.JSON)
                .body("{\"participantId\":\"" + siena + "\"}")
                .when()
                .post("/v1/training/sessions/" + session + "/enrolments")
                .then()
                .statusCode(201);
        String held = "{\"deliveredHours\":2,\"attendance\":[" + line(siena, "2") + "],\"occurredAt\":\"%s\"}";
        // Before the session started, or in the future: 422 naming the field, still SCHEDULED.
        for (String when : new String[] {
            "2022-06-16T09:00:00+02:00",
            java.time.OffsetDateTime.now().plusDays(1).toString()
        }) {
            given().contentType(ContentType.JSON)
                    .body(held.formatted(when))
                    .when()
                    .post("/v1/training/sessions/" + session + "/held")
                    .then()
                    .statusCode(422)
                    .body("violations[0].field", equalTo("occurredAt"));
        }
        given().when().get("/v1/training/sessions/" + session).then().body("status", equalTo("SCHEDULED"));

        given().contentType(ContentType.JSON)
                .body(held.formatted("2022-06-16T12:00:00+02:00"))
                .when()
                .post("/v1/training/sessions/" + session + "/held")
                .then()
                .statusCode(200)
                .body("heldAt", equalTo("2022-06-16T10:00:00Z"));
        java.time.OffsetDateTime heldAt = java.time.OffsetDateTime.parse("2022-06-16T10:00:00Z");
        assertThat(OutboxProbe.events(UUID.fromString(session), SessionHeld.TYPE))
                .singleElement()
                .satisfies(e -> assertThat(e.time()).isAtSameInstantAs(heldAt));
        Certificate certificate = io.quarkus.narayana.jta.QuarkusTransaction.requiringNew()
                .call(() ->
                        Certificate.<Certificate>find("participantId", siena).singleResult());
        assertThat(certificate.issuedAt).isAtSameInstantAs(heldAt);
        assertThat(OutboxProbe.events(certificate.id))
                .singleElement()
                .satisfies(e -> assertThat(e.time()).isAtSameInstantAs(heldAt));

        // Attendance corrected later, as of a date: the attendance event is dated then.
        given().contentType(ContentType.JSON)
                .body("{\"attendance\":[" + line(siena, "1.5") + "],\"occurredAt\":\"2022-06-20T09:00:00+02:00\"}")
                .when()
                .put("/v1/training/sessions/" + session + "/attendance")
                .then()
                .statusCode(200);
        assertThat(OutboxProbe.events(UUID.fromString(session), AttendanceRecorded.TYPE))
                .singleElement()
                .satisfies(e ->
                        assertThat(e.time()).isAtSameInstantAs(java.time.OffsetDateTime.parse("2022-06-20T07:00:00Z")));
    }

    @Test
    @TestSecurity(user = "euronike", roles = "training-partner")
    void attendanceSentWithHeldGivesTheHeldEventItsTotals() {
        String course = twoHourCourse();
        UUID siena1 = ParticipantVisibilityTest.stored("052032");
        UUID siena2 = ParticipantVisibilityTest.stored("052032");
        UUID chiusi = ParticipantVisibilityTest.stored("052011");
        String session = given().contentType(ContentType.JSON)
                .body(CourseAndSessionTest.ONLINE.replace("2022-03-24", "2022-06-09"))
                .when()
                .post("/v1/training/courses/" + course + "/sessions")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        for (UUID p : new UUID[] {siena1, siena2, chiusi}) {
            given().contentType(ContentType.JSON)
                    .body("{\"participantId\":\"" + p + "\"}")
                    .when()
                    .post("/v1/training/sessions/" + session + "/enrolments")
                    .then()
                    .statusCode(201);
        }
        String held = "{\"deliveredHours\":2,\"attendance\":[%s]}";
        // Attendance that does not fit leaves the session SCHEDULED.
        given().contentType(ContentType.JSON)
                .body(held.formatted(line(siena1, "3")))
                .when()
                .post("/v1/training/sessions/" + session + "/held")
                .then()
                .statusCode(422);
        given().when().get("/v1/training/sessions/" + session).then().body("status", equalTo("SCHEDULED"));

        given().contentType(ContentType.JSON)
                .body(held.formatted(line(siena1, "2") + "," + line(siena2, "1.5") + "," + line(chiusi, "0")))
                .when()
                .post("/v1/training/sessions/" + session + "/held")
                .then()
                .statusCode(200)
                .body("status", equalTo("HELD"));

        assertThat(OutboxProbe.events(UUID.fromString(session), SessionHeld.TYPE))
                .singleElement()
                .satisfies(e -> {
                    assertThat(e.data().get("attendance")).hasSize(1);
                    assertThat(e.data().at("/attendance/0/municipality").asText())
                            .isEqualTo("052032");
                    assertThat(e.data().at("/attendance/0/attendees").asInt()).isEqualTo(2);
                    assertThat(e.data().at("/attendance/0/hours").decimalValue())
                            .isEqualByComparingTo("3.5");
                });
        assertThat(OutboxProbe.events(UUID.fromString(session), AttendanceRecorded.TYPE))
                .isEmpty();
        assertThat(io.quarkus.narayana.jta.QuarkusTransaction.requiringNew()
                        .call(() -> Certificate.count("participantId", siena1)))
                .isEqualTo(1);
        // The same list pushed afterwards changes nothing.
        assertThat(push(session, line(siena1, "2") + "," + line(siena2, "1.5") + "," + line(chiusi, "0"), 200)
                        .getBoolean("changed"))
                .isFalse();
    }

    @Test
    @TestSecurity(user = "viewer", roles = "viewer")
    void onlyThePartnerAndTheAdminPushAttendance() {
        push(UUID.randomUUID().toString(), "", 403);
    }
}
