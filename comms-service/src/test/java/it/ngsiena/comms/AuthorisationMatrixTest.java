package it.ngsiena.comms;

import static io.restassured.RestAssured.given;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.SecurityAttribute;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import it.ngsiena.comms.announcement.AnnouncementStatus;
import it.ngsiena.comms.announcement.AnnouncementTest;
import it.ngsiena.comms.announcement.Audience;
import it.ngsiena.comms.newsletter.Newsletter;
import it.ngsiena.comms.newsletter.Subscriber;
import it.ngsiena.kernel.persistence.AuditedEntity;
import it.ngsiena.testkit.AuthorisationMatrix;
import it.ngsiena.testkit.MailServerResource;
import it.ngsiena.testkit.PlatformTestResource;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Every endpoint of the comms service against every kind of caller. Columns: programme-admin,
 * comms-partner, another partner (training), officer of Siena, officer of Chiusi, viewer, anonymous.
 * Each call gets fresh fixtures, stored directly.
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
        int[] editors = {200, 200, 403, 403, 403, 403, 401};
        int[] everyone = {200, 200, 200, 200, 200, 200, 200};
        Map<String, int[]> m = new LinkedHashMap<>();
        m.put("POST /announcements", new int[] {201, 201, 403, 403, 403, 403, 401});
        m.put("GET /announcements", everyone);
        // What the caller may not see is a 404, so that it does not leak.
        m.put("GET /announcements/{public}", everyone);
        m.put("GET /announcements/{municipalities}", new int[] {200, 200, 404, 200, 200, 200, 404});
        m.put("GET /announcements/{partners}", new int[] {200, 200, 200, 404, 404, 200, 404});
        m.put("GET /announcements/{draft}", new int[] {200, 200, 404, 404, 404, 404, 404});
        m.put("PATCH /announcements/{draft}", editors);
        m.put("POST /announcements/{draft}/publish", editors);
        m.put("POST /announcements/{public}/archive", editors);
        m.put("GET /announcements.atom", everyone);
        m.put("GET /calendar", everyone);
        m.put("GET /calendar.ics", everyone);
        m.put("POST /subscribers", new int[] {202, 202, 202, 202, 202, 202, 202});
        m.put("GET /subscribers/confirm", new int[] {404, 404, 404, 404, 404, 404, 404});
        m.put("POST /subscribers/unsubscribe", new int[] {404, 404, 404, 404, 404, 404, 404});
        m.put("GET /subscribers", editors);
        m.put("GET /subscribers/{sid}/export", editors);
        m.put("DELETE /subscribers/{sid}", new int[] {204, 204, 403, 403, 403, 403, 401});
        m.put("POST /newsletters", new int[] {201, 201, 403, 403, 403, 403, 401});
        m.put("GET /newsletters/{nid}/preview", editors);
        m.put("POST /newsletters/{nid}/send", editors);
        m.put("GET /newsletters/{nid}/deliveries", editors);
        return m;
    }

    @Override
    protected int call(String endpoint) {
        String tag = "matrice-" + UUID.randomUUID().toString().substring(0, 8);
        UUID published = AnnouncementTest.stored(AnnouncementStatus.PUBLISHED, Audience.PUBLIC, tag, "Testo");
        String base = "/v1/comms";
        RequestSpecification json = given().contentType(ContentType.JSON);
        return switch (endpoint) {
            case "POST /announcements" ->
                json.body("""
                    {"title":"Avviso","body":"Testo","language":"it","audience":"PUBLIC"}""").post(base + "/announcements").statusCode();
            case "GET /announcements" -> given().get(base + "/announcements").statusCode();
            case "GET /announcements/{public}" ->
                given().get(base + "/announcements/" + published).statusCode();
            case "GET /announcements/{municipalities}" ->
                given().get(base + "/announcements/"
                                + AnnouncementTest.stored(
                                        AnnouncementStatus.PUBLISHED, Audience.MUNICIPALITIES, tag, "Testo"))
                        .statusCode();
            case "GET /announcements/{partners}" ->
                given().get(base + "/announcements/"
                                + AnnouncementTest.stored(
                                        AnnouncementStatus.PUBLISHED, Audience.PARTNERS, tag, "Testo"))
                        .statusCode();
            case "GET /announcements/{draft}" ->
                given().get(base + "/announcements/" + draft(tag)).statusCode();
            case "PATCH /announcements/{draft}" ->
                json.header("If-Match", "\"0\"")
                        .body("{\"title\":\"Nuovo\"}")
                        .patch(base + "/announcements/" + draft(tag))
                        .statusCode();
            case "POST /announcements/{draft}/publish" ->
                given().post(base + "/announcements/" + draft(tag) + "/publish").statusCode();
            case "POST /announcements/{public}/archive" ->
                given().post(base + "/announcements/" + published + "/archive").statusCode();
            case "GET /announcements.atom" ->
                given().get(base + "/announcements.atom").statusCode();
            case "GET /calendar" -> given().get(base + "/calendar").statusCode();
            case "GET /calendar.ics" -> given().get(base + "/calendar.ics").statusCode();
            case "POST /subscribers" ->
                json.body("{\"email\":\"matrice-" + UUID.randomUUID() + "@example.org\",\"language\":\"it\"}")
                        .post(base + "/subscribers")
                        .statusCode();
            case "GET /subscribers/confirm" ->
                given().queryParam("token", "nope")
                        .get(base + "/subscribers/confirm")
                        .statusCode();
            case "POST /subscribers/unsubscribe" ->
                given().queryParam("token", "nope")
                        .post(base + "/subscribers/unsubscribe")
                        .statusCode();
            case "GET /subscribers" -> given().get(base + "/subscribers").statusCode();
            case "GET /subscribers/{sid}/export" ->
                given().get(base + "/subscribers/" + subscriber() + "/export").statusCode();
            case "DELETE /subscribers/{sid}" ->
                given().delete(base + "/subscribers/" + subscriber()).statusCode();
            case "POST /newsletters" ->
                json.body("{\"subject\":\"Novità\",\"language\":\"it\",\"topics\":[\"" + tag + "\"]}")
                        .post(base + "/newsletters")
                        .statusCode();
            case "GET /newsletters/{nid}/preview" ->
                given().get(base + "/newsletters/" + newsletter(published) + "/preview")
                        .statusCode();
            case "POST /newsletters/{nid}/send" ->
                given().post(base + "/newsletters/" + newsletter(published) + "/send")
                        .statusCode();
            case "GET /newsletters/{nid}/deliveries" ->
                given().get(base + "/newsletters/" + newsletter(published) + "/deliveries")
                        .statusCode();
            default -> throw new IllegalArgumentException(endpoint);
        };
    }

    private static UUID draft(String tag) {
        return AnnouncementTest.stored(AnnouncementStatus.DRAFT, Audience.PUBLIC, tag, "Bozza");
    }

    private static UUID subscriber() {
        return QuarkusTransaction.requiringNew().call(() -> {
            Subscriber s = new Subscriber();
            s.id = UUID.randomUUID();
            s.email = "matrice-" + s.id + "@example.org";
            s.language = "it";
            s.topics = List.of();
            s.municipalities = List.of();
            s.status = Subscriber.PENDING;
            s.confirmToken = UUID.randomUUID().toString();
            s.unsubscribeToken = UUID.randomUUID().toString();
            s.createdAt = AuditedEntity.now();
            s.updatedAt = s.createdAt;
            s.persist();
            return s.id;
        });
    }

    private static UUID newsletter(UUID announcement) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Newsletter n = new Newsletter();
            n.id = UUID.randomUUID();
            n.subject = "Novità della matrice";
            n.language = "it";
            n.topics = List.of("nessuno-" + n.id);
            n.municipalities = List.of();
            n.announcementIds = List.of(announcement);
            n.status = "DRAFT";
            n.createdAt = AuditedEntity.now();
            n.updatedAt = n.createdAt;
            n.persist();
            return n.id;
        });
    }

    @Test
    @TestSecurity(user = "admin", roles = "programme-admin")
    void programmeAdmin() {
        assertColumn(ADMIN);
    }

    @Test
    @TestSecurity(user = "ananse", roles = "comms-partner")
    void commsPartner() {
        assertColumn(PARTNER);
    }

    @Test
    @TestSecurity(user = "euronike", roles = "training-partner")
    void anotherPartner() {
        assertColumn(OTHER_PARTNER);
    }

    @Test
    @TestSecurity(
            user = "officer-siena",
            roles = "municipality-officer",
            attributes = @SecurityAttribute(key = "municipality", value = SIENA))
    void officerOfSiena() {
        assertColumn(OFFICER);
    }

    @Test
    @TestSecurity(
            user = "officer-chiusi",
            roles = "municipality-officer",
            attributes = @SecurityAttribute(key = "municipality", value = CHIUSI))
    void officerOfChiusi() {
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
