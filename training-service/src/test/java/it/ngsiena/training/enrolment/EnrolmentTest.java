package it.ngsiena.training.enrolment;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.SecurityAttribute;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import it.ngsiena.contracts.training.EnrolmentWithdrawn;
import it.ngsiena.contracts.training.ParticipantEnrolled;
import it.ngsiena.testkit.MailServerResource;
import it.ngsiena.testkit.OutboxProbe;
import it.ngsiena.testkit.PlatformTestResource;
import it.ngsiena.training.course.Course;
import it.ngsiena.training.course.Topic;
import it.ngsiena.training.participant.ParticipantVisibilityTest;
import it.ngsiena.training.session.CourseAndSessionTest;
import it.ngsiena.training.session.SessionFormat;
import it.ngsiena.training.session.SessionStatus;
import it.ngsiena.training.session.TrainingSession;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(PlatformTestResource.class)
@WithTestResource(MailServerResource.class)
public class EnrolmentTest {

    static final String SIENA = "052032";
    static final String CHIUSI = "052011";

    /** A scheduled session with one seat, created through the API as the training partner would. */
    static String sessionWithOneSeat() {
        return sessionWithOneSeat(CourseAndSessionTest.ONLINE);
    }

    /** A session of a new course as {@code session} describes it, with one seat. */
    public static String sessionWithOneSeat(String session) {
        String course = CourseAndSessionTest.course();
        return given().contentType(ContentType.JSON)
                .body(session.replace("\"capacity\":60", "\"capacity\":1"))
                .when()
                .post("/v1/training/courses/" + course + "/sessions")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    public static io.restassured.response.ValidatableResponse enrol(String session, UUID participant) {
        return given().contentType(ContentType.JSON)
                .body("{\"participantId\":\"" + participant + "\"}")
                .when()
                .post("/v1/training/sessions/" + session + "/enrolments")
                .then();
    }

    @Test
    @TestSecurity(user = "euronike", roles = "training-partner")
    void enrolmentsAndAWithdrawalRecordedAfterwardsAreDatedWhenTheyHappened() {
        String session = sessionWithOneSeat();
        UUID first = ParticipantVisibilityTest.stored(SIENA);
        UUID second = ParticipantVisibilityTest.stored(CHIUSI);
        given().contentType(ContentType.JSON)
                .body("{\"participantId\":\"" + first + "\",\"occurredAt\":\"2021-03-10T09:00:00+01:00\"}")
                .when()
                .post("/v1/training/sessions/" + session + "/enrolments")
                .then()
                .statusCode(422)
                .body("violations[0].field", equalTo("occurredAt"));
        String seat = given().contentType(ContentType.JSON)
                .body("{\"participantId\":\"" + first + "\",\"occurredAt\":\"2022-04-10T09:00:00+02:00\"}")
                .when()
                .post("/v1/training/sessions/" + session + "/enrolments")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        given().contentType(ContentType.JSON)
                .body("{\"participantId\":\"" + second + "\",\"occurredAt\":\"2022-04-11T09:00:00+02:00\"}")
                .when()
                .post("/v1/training/sessions/" + session + "/enrolments")
                .then()
                .statusCode(201)
                .body("status", equalTo("WAITING"));
        given().queryParam("occurredAt", "2022-04-15T09:00:00+02:00")
                .when()
                .delete("/v1/training/enrolments/" + seat)
                .then()
                .statusCode(200);

        // the withdrawal and the promotion it caused happened together
        assertThat(OutboxProbe.events(UUID.fromString(session)))
                .filteredOn(e -> !e.type().endsWith("session.scheduled.v1"))
                .extracting(e -> e.type().replace("it.ngsiena.training.", "") + " "
                        + e.data().path("status").asText("-") + " " + e.time().toInstant())
                .containsExactly(
                        "participant.enrolled.v1 ENROLLED 2022-04-10T07:00:00Z",
                        "participant.enrolled.v1 WAITING 2022-04-11T07:00:00Z",
                        "enrolment.withdrawn.v1 - 2022-04-15T07:00:00Z",
                        "participant.enrolled.v1 ENROLLED 2022-04-15T07:00:00Z");
    }

    @Test
    @TestSecurity(user = "euronike", roles = "training-partner")
    void moreSeatsGoToTheWaitingListInOrderAndFewerThanTakenAreRefused() {
        String session = sessionWithOneSeat();
        UUID seated = ParticipantVisibilityTest.stored(SIENA);
        UUID first = ParticipantVisibilityTest.stored(CHIUSI);
        UUID second = ParticipantVisibilityTest.stored(SIENA);
        enrol(session, seated).statusCode(201).body("status", equalTo("ENROLLED"));
        String firstWaiting = enrol(session, first)
                .statusCode(201)
                .body("status", equalTo("WAITING"))
                .extract()
                .path("id");
        String secondWaiting = enrol(session, second)
                .statusCode(201)
                .body("status", equalTo("WAITING"))
                .extract()
                .path("id");

        given().contentType(ContentType.JSON)
                .body("{\"capacity\":2}")
                .when()
                .post("/v1/training/sessions/" + session + "/capacity")
                .then()
                .statusCode(200)
                .body("capacity", equalTo(2));
        given().when()
                .get("/v1/training/sessions/" + session + "/enrolments")
                .then()
                .statusCode(200)
                .body("items.find { it.id == '" + firstWaiting + "' }.status", equalTo("ENROLLED"))
                .body("items.find { it.id == '" + secondWaiting + "' }.status", equalTo("WAITING"));

        // two seats are taken: one is not enough; the same capacity again changes nothing
        given().contentType(ContentType.JSON)
                .body("{\"capacity\":1}")
                .when()
                .post("/v1/training/sessions/" + session + "/capacity")
                .then()
                .statusCode(409)
                .body("enrolled", equalTo(2));
        given().contentType(ContentType.JSON)
                .body("{\"capacity\":2}")
                .when()
                .post("/v1/training/sessions/" + session + "/capacity")
                .then()
                .statusCode(200);

        var events = OutboxProbe.events(UUID.fromString(session));
        assertThat(events)
                .filteredOn(e -> e.type().equals(it.ngsiena.contracts.training.SessionCapacityChanged.TYPE))
                .singleElement()
                .satisfies(e -> {
                    assertThat(e.data().get("capacity").asInt()).isEqualTo(2);
                    assertThat(e.data().get("previousCapacity").asInt()).isEqualTo(1);
                });
        assertThat(events)
                .filteredOn(e -> e.type().equals(it.ngsiena.contracts.training.ParticipantEnrolled.TYPE)
                        && e.data().path("promotedFromWaitingList").asBoolean())
                .singleElement()
                .satisfies(e -> assertThat(e.data().get("enrolmentId").asText()).isEqualTo(firstWaiting));
    }

    @Test
    @TestSecurity(user = "euronike", roles = "training-partner")
    void aFullSessionHasAWaitingListWhoseFirstIsPromoted() {
        String session = sessionWithOneSeat();
        UUID first = ParticipantVisibilityTest.stored(SIENA);
        UUID second = ParticipantVisibilityTest.stored(CHIUSI);
        String seat = enrol(session, first)
                .statusCode(201)
                .body("status", equalTo("ENROLLED"))
                .extract()
                .path("id");
        enrol(session, first).statusCode(200).body("id", equalTo(seat));
        String waiting = enrol(session, second)
                .statusCode(201)
                .body("status", equalTo("WAITING"))
                .extract()
                .path("id");

        given().when()
                .delete("/v1/training/enrolments/" + seat)
                .then()
                .statusCode(200)
                .body("status", equalTo("WITHDRAWN"));
        given().when().delete("/v1/training/enrolments/" + seat).then().statusCode(200);
        given().when()
                .get("/v1/training/sessions/" + session + "/enrolments")
                .then()
                .statusCode(200)
                .body("items.size()", equalTo(1))
                .body("items[0].id", equalTo(waiting))
                .body("items[0].status", equalTo("ENROLLED"));

        var events = OutboxProbe.events(UUID.fromString(session));
        assertThat(events)
                .extracting(e -> e.type().substring("it.ngsiena.training.".length()) + ":"
                        + e.data().path("status").asText(""))
                .containsExactly(
                        "session.scheduled.v1:",
                        "participant.enrolled.v1:ENROLLED",
                        "participant.enrolled.v1:WAITING",
                        "enrolment.withdrawn.v1:",
                        "participant.enrolled.v1:ENROLLED");
        assertThat(OutboxProbe.events(UUID.fromString(session), ParticipantEnrolled.TYPE)
                        .get(0)
                        .data()
                        .get("municipality")
                        .asText())
                .isEqualTo(SIENA);
        assertThat(OutboxProbe.events(UUID.fromString(session), ParticipantEnrolled.TYPE)
                        .get(0)
                        .data()
                        .get("participantRole")
                        .asText())
                .isEqualTo("EMPLOYEE");
        assertThat(OutboxProbe.events(UUID.fromString(session), EnrolmentWithdrawn.TYPE))
                .hasSize(1);
        events.forEach(e -> assertThat(e.data().toString())
                .doesNotContain("Nome")
                .doesNotContain("Cognome")
                .doesNotContain("@"));

        // Filter by the municipality of enrolled staff: Chiusi holds the seat now, Siena withdrew.
        assertThat(sessionsOfStaff(CHIUSI)).contains(session);
        assertThat(sessionsOfStaff(SIENA)).doesNotContain(session);
        given().queryParam("municipality", "52032")
                .when()
                .get("/v1/training/sessions")
                .then()
                .statusCode(400)
                .body("violations[0].field", equalTo("municipality"));
    }

    static java.util.List<String> sessionsOfStaff(String municipality) {
        return given().queryParam("municipality", municipality)
                .queryParam("size", 100)
                .when()
                .get("/v1/training/sessions")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("items.id");
    }

    @Test
    @TestSecurity(user = "admin", roles = "programme-admin")
    void noEnrolmentInAHeldSession() {
        String session = sessionWithOneSeat();
        given().contentType(ContentType.JSON)
                .body("{\"deliveredHours\":1}")
                .when()
                .post("/v1/training/sessions/" + session + "/held")
                .then()
                .statusCode(200);
        enrol(session, ParticipantVisibilityTest.stored(SIENA)).statusCode(409).body("currentStatus", equalTo("HELD"));
        enrol(UUID.randomUUID().toString(), ParticipantVisibilityTest.stored(SIENA))
                .statusCode(404);
        given().contentType(ContentType.JSON)
                .body("{}")
                .when()
                .post("/v1/training/sessions/" + session + "/enrolments")
                .then()
                .statusCode(400);
    }

    /** A scheduled session stored directly, for callers who may not create one. */
    static String storedSession() {
        return QuarkusTransaction.requiringNew().call(() -> {
            Course course = new Course();
            course.id = UUID.randomUUID();
            course.title = "Corso";
            course.topic = Topic.PROJECT_MANAGEMENT;
            course.description = "Corso di prova";
            course.plannedHours = BigDecimal.TEN;
            course.certificateThresholdPercent = 75;
            course.createdAt = OffsetDateTime.now();
            course.updatedAt = course.createdAt;
            course.persist();
            TrainingSession s = new TrainingSession();
            s.id = UUID.randomUUID();
            s.courseId = course.id;
            s.title = "Sessione";
            s.format = SessionFormat.CAPACITY_LAB;
            s.startsAt = OffsetDateTime.parse("2022-10-06T09:00:00Z");
            s.endsAt = OffsetDateTime.parse("2022-10-06T13:00:00Z");
            s.venue = "Siena";
            s.capacity = 10;
            s.status = SessionStatus.SCHEDULED;
            s.createdAt = course.createdAt;
            s.updatedAt = course.createdAt;
            s.persist();
            return s.id.toString();
        });
    }

    @Test
    @TestSecurity(
            user = "officer-siena",
            roles = "municipality-officer",
            attributes = @SecurityAttribute(key = "municipality", value = SIENA))
    void anOfficerEnrolsTheirOwnPeopleOnly() {
        String session = storedSession();
        enrol(session, ParticipantVisibilityTest.stored(CHIUSI)).statusCode(404);
        String own = enrol(session, ParticipantVisibilityTest.stored(SIENA))
                .statusCode(201)
                .extract()
                .path("id");
        given().when()
                .get("/v1/training/sessions/" + session + "/enrolments")
                .then()
                .statusCode(200)
                .body("items.size()", equalTo(1))
                .body("items[0].id", equalTo(own));
    }

    @Test
    @TestSecurity(user = "viewer", roles = "viewer")
    void viewersDoNotEnrol() {
        enrol(UUID.randomUUID().toString(), UUID.randomUUID()).statusCode(403);
    }
}
