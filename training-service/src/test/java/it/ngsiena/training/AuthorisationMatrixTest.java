package it.ngsiena.training;

import static io.restassured.RestAssured.given;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.SecurityAttribute;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import it.ngsiena.kernel.persistence.AuditedEntity;
import it.ngsiena.testkit.AuthorisationMatrix;
import it.ngsiena.testkit.MailServerResource;
import it.ngsiena.testkit.PlatformTestResource;
import it.ngsiena.training.course.Course;
import it.ngsiena.training.course.Topic;
import it.ngsiena.training.enrolment.Enrolment;
import it.ngsiena.training.enrolment.EnrolmentStatus;
import it.ngsiena.training.participant.ParticipantVisibilityTest;
import it.ngsiena.training.session.SessionFormat;
import it.ngsiena.training.session.SessionStatus;
import it.ngsiena.training.session.TrainingSession;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Every endpoint of the training service against every kind of caller. Columns: programme-admin,
 * training-partner, another partner (participation), officer of the participant's municipality (Siena),
 * officer of another municipality (Chiusi), viewer, anonymous. Each call gets fresh fixtures, stored
 * directly so that every caller finds the same ones.
 */
@QuarkusTest
@WithTestResource(PlatformTestResource.class)
@WithTestResource(MailServerResource.class)
class AuthorisationMatrixTest extends AuthorisationMatrix {

    static final String SIENA = "052032";
    static final String CHIUSI = "052011";

    /** Expected status per column, for each endpoint. */
    @Override
    protected Map<String, int[]> matrix() {
        Map<String, int[]> m = new LinkedHashMap<>();
        m.put("GET /topics", new int[] {200, 200, 200, 200, 200, 200, 200});
        m.put("POST /courses", new int[] {201, 201, 403, 403, 403, 403, 401});
        m.put("GET /courses", new int[] {200, 200, 200, 200, 200, 200, 401});
        m.put("GET /courses/{id}", new int[] {200, 200, 200, 200, 200, 200, 401});
        m.put("PATCH /courses/{id}", new int[] {200, 200, 403, 403, 403, 403, 401});
        m.put("POST /courses/{id}/sessions", new int[] {201, 201, 403, 403, 403, 403, 401});
        m.put("GET /sessions", new int[] {200, 200, 200, 200, 200, 200, 401});
        m.put("GET /sessions/{id}", new int[] {200, 200, 200, 200, 200, 200, 401});
        m.put("GET /calendar", new int[] {200, 200, 200, 200, 200, 200, 200});
        m.put("PUT /sessions/{id}/schedule", new int[] {200, 200, 403, 403, 403, 403, 401});
        m.put("POST /sessions/{id}/cancel", new int[] {200, 200, 403, 403, 403, 403, 401});
        m.put("POST /participants", new int[] {201, 201, 403, 201, 403, 403, 401});
        m.put("GET /participants", new int[] {200, 200, 200, 200, 200, 200, 401});
        // A participant of Siena: personal data for the training partner, the admin and Siena's officers only.
        m.put("GET /participants/{pid}", new int[] {200, 200, 404, 200, 404, 404, 401});
        m.put("PUT /participants/{pid}", new int[] {200, 200, 403, 200, 404, 403, 401});
        m.put("GET /participants/{pid}/export", new int[] {200, 200, 403, 200, 404, 403, 401});
        m.put("DELETE /participants/{pid}", new int[] {204, 204, 403, 204, 404, 403, 401});
        // Enrolling a Siena participant: Chiusi's officer cannot see them (404, nothing leaks).
        m.put("POST /sessions/{id}/enrolments", new int[] {201, 201, 403, 201, 404, 403, 401});
        m.put("GET /sessions/{id}/enrolments", new int[] {200, 200, 403, 200, 200, 403, 401});
        m.put("DELETE /enrolments/{eid}", new int[] {200, 200, 403, 200, 404, 403, 401});
        m.put("POST /sessions/{id}/held", new int[] {200, 200, 403, 403, 403, 403, 401});
        m.put("PUT /sessions/{id}/attendance", new int[] {200, 200, 403, 403, 403, 403, 401});
        m.put("GET /certificates/{code}", new int[] {404, 404, 404, 404, 404, 404, 404});
        m.put("GET /reports/municipalities/" + SIENA, new int[] {200, 200, 403, 200, 403, 403, 401});
        m.put("GET /reports/courses/{id}", new int[] {200, 200, 403, 403, 403, 403, 401});
        return m;
    }

    @Override
    protected int call(String endpoint) {
        UUID course = course();
        UUID session = session(course);
        UUID participant = ParticipantVisibilityTest.stored(SIENA);
        UUID enrolment = enrolment(session, participant);
        RequestSpecification json = given().contentType(ContentType.JSON);
        String path = endpoint.substring(endpoint.indexOf(' ') + 1).replace("{id}", "ID");
        String base = "/v1/training";
        String person = """
                {"givenName":"Mario","familyName":"Verdi","email":"%s@comune.example.it","municipality":"%s",
                 "role":"EMPLOYEE"}""";
        return switch (endpoint.substring(0, endpoint.indexOf(' ')) + " " + path) {
            case "GET /topics" -> given().get(base + "/topics").statusCode();
            case "POST /courses" -> json.body("""
                    {"title":"Matrice","topic":"PNRR","description":"Prova dei ruoli","plannedHours":2}""").post(base + "/courses").statusCode();
            case "GET /courses" -> given().get(base + "/courses").statusCode();
            case "GET /courses/ID" -> given().get(base + "/courses/" + course).statusCode();
            case "PATCH /courses/ID" ->
                json.header("If-Match", "\"0\"")
                        .body("{\"title\":\"Nuovo titolo\"}")
                        .patch(base + "/courses/" + course)
                        .statusCode();
            case "POST /courses/ID/sessions" ->
                json.body("""
                    {"title":"Sessione","format":"ONLINE_SEMINAR","startsAt":"2022-04-01T10:00:00Z",
                     "endsAt":"2022-04-01T12:00:00Z","meetingLink":"https://meet.example.org/m","capacity":10}""").post(base + "/courses/" + course + "/sessions").statusCode();
            case "GET /sessions" -> given().get(base + "/sessions").statusCode();
            case "GET /sessions/ID" ->
                given().get(base + "/sessions/" + session).statusCode();
            case "GET /calendar" -> given().get(base + "/calendar").statusCode();
            case "PUT /sessions/ID/schedule" ->
                json.header("If-Match", "\"0\"")
                        .body("""
                    {"startsAt":"2022-04-08T10:00:00Z","endsAt":"2022-04-08T12:00:00Z"}""")
                        .put(base + "/sessions/" + session + "/schedule")
                        .statusCode();
            case "POST /sessions/ID/cancel" ->
                json.body("{\"reason\":\"Docente indisponibile\"}")
                        .post(base + "/sessions/" + session + "/cancel")
                        .statusCode();
            case "POST /participants" ->
                json.body(person.formatted(UUID.randomUUID(), SIENA))
                        .post(base + "/participants")
                        .statusCode();
            case "GET /participants" -> given().get(base + "/participants").statusCode();
            case "GET /participants/{pid}" ->
                given().get(base + "/participants/" + participant).statusCode();
            case "PUT /participants/{pid}" ->
                json.header("If-Match", "\"0\"")
                        .body(person.formatted(UUID.randomUUID(), SIENA))
                        .put(base + "/participants/" + participant)
                        .statusCode();
            case "GET /participants/{pid}/export" ->
                given().get(base + "/participants/" + participant + "/export").statusCode();
            case "DELETE /participants/{pid}" ->
                given().delete(base + "/participants/" + participant).statusCode();
            case "POST /sessions/ID/enrolments" ->
                json.body("{\"participantId\":\"" + ParticipantVisibilityTest.stored(SIENA) + "\"}")
                        .post(base + "/sessions/" + session + "/enrolments")
                        .statusCode();
            case "GET /sessions/ID/enrolments" ->
                given().get(base + "/sessions/" + session + "/enrolments").statusCode();
            case "DELETE /enrolments/{eid}" ->
                given().delete(base + "/enrolments/" + enrolment).statusCode();
            case "POST /sessions/ID/held" ->
                json.body("{\"deliveredHours\":2}")
                        .post(base + "/sessions/" + session + "/held")
                        .statusCode();
            case "PUT /sessions/ID/attendance" ->
                json.body("{\"attendance\":[{\"participantId\":\"" + participant + "\",\"hoursAttended\":2}]}")
                        .put(base + "/sessions/" + held(session) + "/attendance")
                        .statusCode();
            case "GET /certificates/{code}" ->
                given().get(base + "/certificates/NGS-NOTACODE").statusCode();
            case "GET /reports/municipalities/" + SIENA ->
                given().get(base + "/reports/municipalities/" + SIENA).statusCode();
            case "GET /reports/courses/ID" ->
                given().get(base + "/reports/courses/" + course).statusCode();
            default -> throw new IllegalArgumentException(endpoint);
        };
    }

    private static UUID course() {
        return QuarkusTransaction.requiringNew().call(() -> {
            Course c = new Course();
            c.id = UUID.randomUUID();
            c.title = "Corso della matrice";
            c.topic = Topic.values()[0];
            c.description = "Prova dei ruoli";
            c.plannedHours = new BigDecimal("2");
            c.certificateThresholdPercent = 75;
            c.createdAt = AuditedEntity.now();
            c.updatedAt = c.createdAt;
            c.persist();
            return c.id;
        });
    }

    private static UUID session(UUID course) {
        return QuarkusTransaction.requiringNew().call(() -> {
            TrainingSession s = new TrainingSession();
            s.id = UUID.randomUUID();
            s.courseId = course;
            s.title = "Sessione della matrice";
            s.format = SessionFormat.ONLINE_SEMINAR;
            s.startsAt = OffsetDateTime.of(2022, 4, 1, 10, 0, 0, 0, ZoneOffset.UTC);
            s.endsAt = s.startsAt.plusHours(2);
            s.meetingLink = "https://meet.example.org/matrice";
            s.capacity = 10;
            s.status = SessionStatus.SCHEDULED;
            s.createdAt = AuditedEntity.now();
            s.updatedAt = s.createdAt;
            s.persist();
            return s.id;
        });
    }

    /** The session, marked as held (attendance is recorded after a session only). */
    private static UUID held(UUID session) {
        QuarkusTransaction.requiringNew().run(() -> {
            TrainingSession s = TrainingSession.findById(session);
            s.status = SessionStatus.HELD;
            s.deliveredHours = new BigDecimal("2");
        });
        return session;
    }

    private static UUID enrolment(UUID session, UUID participant) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Enrolment e = new Enrolment();
            e.id = UUID.randomUUID();
            e.sessionId = session;
            e.participantId = participant;
            e.municipality = SIENA;
            e.status = EnrolmentStatus.ENROLLED;
            e.createdAt = AuditedEntity.now();
            e.updatedAt = e.createdAt;
            e.persist();
            return e.id;
        });
    }

    @Test
    @TestSecurity(user = "admin", roles = "programme-admin")
    void programmeAdmin() {
        assertColumn(ADMIN);
    }

    @Test
    @TestSecurity(user = "euronike", roles = "training-partner")
    void trainingPartner() {
        assertColumn(PARTNER);
    }

    @Test
    @TestSecurity(user = "codesign", roles = "participation-partner")
    void anotherPartner() {
        assertColumn(OTHER_PARTNER);
    }

    @Test
    @TestSecurity(
            user = "officer-siena",
            roles = "municipality-officer",
            attributes = @SecurityAttribute(key = "municipality", value = SIENA))
    void officerOfTheParticipantsMunicipality() {
        assertColumn(OFFICER);
    }

    @Test
    @TestSecurity(
            user = "officer-chiusi",
            roles = "municipality-officer",
            attributes = @SecurityAttribute(key = "municipality", value = CHIUSI))
    void officerOfAnotherMunicipality() {
        assertColumn(OTHER_OFFICER);
    }

    @Test
    @TestSecurity(user = "viewer", roles = "viewer")
    void viewer() {
        assertColumn(VIEWER);
    }

    @Test
    void anonymous() {
        assertColumn(ANONYMOUS);
    }

    /** A token of the realm without any platform role: refused (403) wherever anonymous callers get 401. */
    @Test
    @TestSecurity(user = "someone", roles = "default-roles-ngs")
    void aTokenWithoutAPlatformRole() {
        assertColumnOfATokenWithoutAPlatformRole();
    }
}
