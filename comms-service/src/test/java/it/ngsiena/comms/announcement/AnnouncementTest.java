package it.ngsiena.comms.announcement;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.SecurityAttribute;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import it.ngsiena.contracts.comms.AnnouncementArchived;
import it.ngsiena.contracts.comms.AnnouncementDrafted;
import it.ngsiena.contracts.comms.AnnouncementPublished;
import it.ngsiena.kernel.persistence.AuditedEntity;
import it.ngsiena.testkit.MailServerResource;
import it.ngsiena.testkit.OutboxProbe;
import it.ngsiena.testkit.PlatformTestResource;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(PlatformTestResource.class)
@WithTestResource(MailServerResource.class)
public class AnnouncementTest {

    static final String PROBLEM = "application/problem+json";

    static final String BODY = """
            {"title":"Al via i laboratori d'autunno","summary":"Tre laboratori","body":"I laboratori **partono**.",
             "language":"it","audience":"PUBLIC","tags":["formazione","laboratori"],"municipalities":["052032"],
             "references":[{"type":"COURSE","id":"c-1"}]}""";

    /** An announcement stored directly in the given state, so that every role's test has one. */
    public static UUID stored(AnnouncementStatus status, Audience audience, String tag, String body) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Announcement a = new Announcement();
            a.id = UUID.randomUUID();
            a.title = "Annuncio " + audience + " " + status;
            a.summary = "Sintesi";
            a.body = body;
            a.language = "it";
            a.audience = audience;
            a.tags = List.of(tag);
            a.municipalities = List.of("052032");
            a.references = List.of();
            a.status = status;
            a.createdAt = AuditedEntity.now();
            a.updatedAt = a.createdAt;
            a.publishedAt = status == AnnouncementStatus.DRAFT ? null : a.createdAt;
            a.persist();
            return a.id;
        });
    }

    static List<String> listed(String tag) {
        return given().queryParam("tag", tag)
                .queryParam("size", 100)
                .when()
                .get("/v1/comms/announcements")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("items.id");
    }

    private static io.restassured.response.ValidatableResponse written(String body) {
        return given().contentType(ContentType.JSON)
                .body(body)
                .when()
                .post("/v1/comms/announcements")
                .then();
    }

    @Test
    @TestSecurity(user = "ananse", roles = "comms-partner")
    void aTranslationHangsOffItsOriginalOncePerLanguage() {
        String original = written(BODY).statusCode(201).extract().path("id");
        String english = BODY.replace("\"language\":\"it\"", "\"language\":\"en\"")
                .replaceFirst("\\}$", ",\"translationOf\":\"" + original + "\"}");
        assertThat(english).contains("\"language\":\"en\"");
        String translation = written(english)
                .statusCode(201)
                .body("translationOf", equalTo(original))
                .extract()
                .path("id");
        // naming the translation links to the same original; a second English version is refused
        written(english.replace(original, translation))
                .statusCode(409)
                .contentType(PROBLEM)
                .body("translationOf", equalTo(original));
        written(BODY.replaceFirst("\\}$", ",\"translationOf\":\"" + translation + "\"}"))
                .statusCode(422)
                .body("violations[0].field", equalTo("language"));
        written(BODY.replaceFirst("\\}$", ",\"translationOf\":\"" + UUID.randomUUID() + "\"}"))
                .statusCode(422)
                .body("violations[0].field", equalTo("translationOf"));
        given().queryParam("translationOf", original)
                .when()
                .get("/v1/comms/announcements")
                .then()
                .statusCode(200)
                .body("items.id", org.hamcrest.Matchers.contains(translation));
    }

    @Test
    @TestSecurity(user = "ananse", roles = "comms-partner")
    void anAnnouncementIsDraftedEditedPublishedAndArchivedWithItsEvents() {
        String id = given().contentType(ContentType.JSON)
                .body(BODY)
                .when()
                .post("/v1/comms/announcements")
                .then()
                .statusCode(201)
                .body("status", equalTo("DRAFT"))
                .extract()
                .path("id");
        String url = "/v1/comms/announcements/" + id;
        given().contentType(ContentType.JSON)
                .body("{\"summary\":\"Nuova sintesi\"}")
                .when()
                .patch(url)
                .then()
                .statusCode(428)
                .contentType(PROBLEM);
        given().contentType(ContentType.JSON)
                .header("If-Match", "\"9\"")
                .body("{\"summary\":\"x\"}")
                .when()
                .patch(url)
                .then()
                .statusCode(412)
                .contentType(PROBLEM);
        given().contentType(ContentType.JSON)
                .header("If-Match", "\"0\"")
                .body("{\"tags\":[\"Not A Tag\"]}")
                .when()
                .patch(url)
                .then()
                .statusCode(400)
                .body("violations[0].field", containsString("tags"));
        given().contentType(ContentType.JSON)
                .header("If-Match", "\"0\"")
                .body("{\"summary\":\"Nuova sintesi\"}")
                .when()
                .patch(url)
                .then()
                .statusCode(200)
                .header("ETag", "\"1\"")
                .body("summary", equalTo("Nuova sintesi"));

        given().when().post(url + "/archive").then().statusCode(409).body("currentStatus", equalTo("DRAFT"));
        given().when()
                .post(url + "/publish")
                .then()
                .statusCode(200)
                .body("status", equalTo("PUBLISHED"))
                .body("publishedAt", notNullValue());
        given().when().post(url + "/publish").then().statusCode(409).body("currentStatus", equalTo("PUBLISHED"));
        given().when().post(url + "/archive").then().statusCode(200).body("status", equalTo("ARCHIVED"));
        given().contentType(ContentType.JSON)
                .header("If-Match", "\"3\"")
                .body("{\"summary\":\"x\"}")
                .when()
                .patch(url)
                .then()
                .statusCode(409)
                .body("currentStatus", equalTo("ARCHIVED"));

        var events = OutboxProbe.events(UUID.fromString(id));
        assertThat(events)
                .extracting(OutboxProbe.Event::type)
                .containsExactly(AnnouncementDrafted.TYPE, AnnouncementPublished.TYPE, AnnouncementArchived.TYPE);
        assertThat(events.get(1).data().at("/references/0/type").asText()).isEqualTo("COURSE");
        assertThat(events.get(1).data().get("tags")).hasSize(2);
        events.forEach(e -> assertThat(e.data().toString()).doesNotContain("@"));
    }

    @Test
    @TestSecurity(user = "ananse", roles = "comms-partner")
    void anAnnouncementPublishedEarlierElsewhereIsRecordedWithItsDate() {
        String id = given().contentType(ContentType.JSON)
                .body(BODY)
                .when()
                .post("/v1/comms/announcements")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        String url = "/v1/comms/announcements/" + id;
        for (String when :
                new String[] {java.time.OffsetDateTime.now().plusDays(1).toString(), "2021-06-01T10:00:00+02:00"}) {
            given().queryParam("occurredAt", when)
                    .when()
                    .post(url + "/publish")
                    .then()
                    .statusCode(422)
                    .body("violations[0].field", equalTo("occurredAt"));
        }
        given().queryParam("occurredAt", "not a time")
                .when()
                .post(url + "/publish")
                .then()
                .statusCode(400)
                .body("violations[0].field", equalTo("occurredAt"));
        given().queryParam("occurredAt", "2022-10-05T12:00:00+02:00")
                .when()
                .post(url + "/publish")
                .then()
                .statusCode(200)
                .body("publishedAt", equalTo("2022-10-05T10:00:00Z"));
        var published = OutboxProbe.events(UUID.fromString(id), AnnouncementPublished.TYPE)
                .get(0);
        assertThat(published.time()).isAtSameInstantAs(java.time.OffsetDateTime.parse("2022-10-05T10:00:00Z"));
        assertThat(published.data().get("publishedAt").asText()).startsWith("2022-10-05T10:00");
    }

    @Test
    @TestSecurity(user = "ananse", roles = "comms-partner")
    void badAnnouncementsAreRefusedWithProblems() {
        given().contentType(ContentType.JSON)
                .body(BODY.replace("\"it\"", "\"fr\""))
                .when()
                .post("/v1/comms/announcements")
                .then()
                .statusCode(400)
                .contentType(PROBLEM)
                .body("violations[0].field", equalTo("language"));
        given().contentType(ContentType.JSON)
                .body(BODY.replace("PUBLIC", "EVERYONE"))
                .when()
                .post("/v1/comms/announcements")
                .then()
                .statusCode(400)
                .contentType(PROBLEM);
        given().contentType(ContentType.JSON)
                .body(BODY.replace("\"COURSE\"", "\"PIZZA\""))
                .when()
                .post("/v1/comms/announcements")
                .then()
                .statusCode(400);
        given().contentType(ContentType.JSON)
                .body(BODY.replace("052032", "999999"))
                .when()
                .post("/v1/comms/announcements")
                .then()
                .statusCode(422)
                .contentType(PROBLEM);
        given().contentType(ContentType.JSON)
                .body("{}")
                .when()
                .post("/v1/comms/announcements")
                .then()
                .statusCode(400)
                .contentType(PROBLEM);
        given().when()
                .post("/v1/comms/announcements/" + UUID.randomUUID() + "/publish")
                .then()
                .statusCode(404);
    }

    @Test
    @TestSecurity(user = "ananse", roles = "comms-partner")
    void theBodyComesBackAsSafeHtml() {
        UUID id = stored(AnnouncementStatus.PUBLISHED, Audience.PUBLIC, "html", """
                Testo **in grassetto** <script>alert('x')</script> e [un link](javascript:alert(1)) e \
                [il sito](https://www.example.org/ngs).""");
        String html = given().queryParam("render", "html")
                .when()
                .get("/v1/comms/announcements/" + id)
                .then()
                .statusCode(200)
                .extract()
                .path("bodyHtml");
        assertThat(html)
                .contains("<strong>in grassetto</strong>")
                .contains("&lt;script&gt;")
                .doesNotContain("<script>")
                .doesNotContain("javascript:")
                .contains("href=\"https://www.example.org/ngs\"");
        given().when()
                .get("/v1/comms/announcements/" + id)
                .then()
                .statusCode(200)
                .body("$", not(org.hamcrest.Matchers.hasKey("bodyHtml")));
    }

    @Test
    void anonymousCallersSeeOnlyPublishedPublicAnnouncements() {
        String tag = "anon-" + UUID.randomUUID().toString().substring(0, 8);
        UUID published = stored(AnnouncementStatus.PUBLISHED, Audience.PUBLIC, tag, "Testo");
        UUID draft = stored(AnnouncementStatus.DRAFT, Audience.PUBLIC, tag, "Testo");
        UUID archived = stored(AnnouncementStatus.ARCHIVED, Audience.PUBLIC, tag, "Testo");
        UUID forMunicipalities = stored(AnnouncementStatus.PUBLISHED, Audience.MUNICIPALITIES, tag, "Testo");
        assertThat(listed(tag)).containsExactly(published.toString());
        given().when().get("/v1/comms/announcements/" + published).then().statusCode(200);
        for (UUID hidden : List.of(draft, archived, forMunicipalities)) {
            given().when()
                    .get("/v1/comms/announcements/" + hidden)
                    .then()
                    .statusCode(404)
                    .contentType(PROBLEM);
        }
        given().contentType(ContentType.JSON)
                .body(BODY)
                .when()
                .post("/v1/comms/announcements")
                .then()
                .statusCode(401)
                .contentType(PROBLEM);
        given().queryParam("language", "de")
                .when()
                .get("/v1/comms/announcements")
                .then()
                .statusCode(400);
    }

    @Test
    @TestSecurity(
            user = "officer-siena",
            roles = "municipality-officer",
            attributes = @SecurityAttribute(key = "municipality", value = "052032"))
    void officersAlsoSeeWhatIsForTheMunicipalities() {
        String tag = "off-" + UUID.randomUUID().toString().substring(0, 8);
        UUID forMunicipalities = stored(AnnouncementStatus.PUBLISHED, Audience.MUNICIPALITIES, tag, "Testo");
        UUID forPartners = stored(AnnouncementStatus.PUBLISHED, Audience.PARTNERS, tag, "Testo");
        stored(AnnouncementStatus.DRAFT, Audience.MUNICIPALITIES, tag, "Testo");
        assertThat(listed(tag)).containsExactly(forMunicipalities.toString());
        given().when().get("/v1/comms/announcements/" + forPartners).then().statusCode(404);
        given().contentType(ContentType.JSON)
                .body(BODY)
                .when()
                .post("/v1/comms/announcements")
                .then()
                .statusCode(403);
    }

    @Test
    @TestSecurity(user = "euronike", roles = "training-partner")
    void partnersAlsoSeeWhatIsForThePartners() {
        String tag = "par-" + UUID.randomUUID().toString().substring(0, 8);
        UUID forPartners = stored(AnnouncementStatus.PUBLISHED, Audience.PARTNERS, tag, "Testo");
        stored(AnnouncementStatus.PUBLISHED, Audience.MUNICIPALITIES, tag, "Testo");
        assertThat(listed(tag)).containsExactly(forPartners.toString());
    }

    @Test
    @TestSecurity(user = "admin", roles = "programme-admin")
    void editorsSeeDraftsAndFilterByStatus() {
        String tag = "adm-" + UUID.randomUUID().toString().substring(0, 8);
        UUID draft = stored(AnnouncementStatus.DRAFT, Audience.PARTNERS, tag, "Testo");
        UUID published = stored(AnnouncementStatus.PUBLISHED, Audience.PUBLIC, tag, "Testo");
        assertThat(listed(tag)).containsExactlyInAnyOrder(draft.toString(), published.toString());
        given().queryParam("tag", tag)
                .queryParam("status", "DRAFT")
                .when()
                .get("/v1/comms/announcements")
                .then()
                .statusCode(200)
                .body("items.id", org.hamcrest.Matchers.contains(draft.toString()));
        given().queryParam("municipality", "052011")
                .queryParam("tag", tag)
                .when()
                .get("/v1/comms/announcements")
                .then()
                .statusCode(200)
                .body("total", equalTo(0));
    }
}
