package it.ngsiena.training.participant;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.SecurityAttribute;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import it.ngsiena.contracts.training.ParticipantErased;
import it.ngsiena.testkit.MailServerResource;
import it.ngsiena.testkit.OutboxProbe;
import it.ngsiena.testkit.PlatformTestResource;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(PlatformTestResource.class)
@WithTestResource(MailServerResource.class)
public class ParticipantVisibilityTest {

    static final String SIENA = "052032";
    static final String CHIUSI = "052011";
    static final String PROBLEM = "application/problem+json";

    /** A participant stored directly, so each test has people of both municipalities whatever its role. */
    public static UUID stored(String municipality) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Participant p = new Participant();
            p.id = UUID.randomUUID();
            p.givenName = "Nome";
            p.familyName = "Cognome";
            p.email = p.id + "@comune.example.it";
            p.municipality = municipality;
            p.role = ParticipantRole.EMPLOYEE;
            p.office = "Ufficio tecnico";
            p.mailToken = it.ngsiena.kernel.security.LinkTokens.random();
            p.createdAt = OffsetDateTime.now();
            p.updatedAt = p.createdAt;
            p.persist();
            return p.id;
        });
    }

    static String body(String email, String municipality) {
        return """
                {"givenName":"Giulia","familyName":"Rossi","email":"%s","municipality":"%s","role":"ADMINISTRATOR",
                 "office":"Segreteria"}""".formatted(email, municipality);
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> listed(String municipality) {
        JsonPath page = given().queryParam("municipality", municipality)
                .queryParam("size", 100)
                .when()
                .get("/v1/training/participants")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        return page.getList("items");
    }

    @Test
    @TestSecurity(user = "euronike", roles = "training-partner")
    void theTrainingPartnerRegistersAndSeesEveryone() {
        String email = UUID.randomUUID() + "@comune.example.it";
        String id = given().contentType(ContentType.JSON)
                .body(body(email, CHIUSI))
                .when()
                .post("/v1/training/participants")
                .then()
                .statusCode(201)
                .body("email", equalTo(email))
                .extract()
                .path("id");
        given().contentType(ContentType.JSON)
                .body(body(email.toUpperCase(), SIENA))
                .when()
                .post("/v1/training/participants")
                .then()
                .statusCode(409)
                .contentType(PROBLEM);
        given().when()
                .get("/v1/training/participants/" + id)
                .then()
                .statusCode(200)
                .body("familyName", equalTo("Rossi"))
                .header("ETag", "\"0\"");
        assertThat(listed(CHIUSI)).allSatisfy(p -> assertThat(p).containsKeys("givenName", "email"));
        given().contentType(ContentType.JSON)
                .body(body("x@example.it", "052999"))
                .when()
                .post("/v1/training/participants")
                .then()
                .statusCode(422);
        given().contentType(ContentType.JSON)
                .body(body("not-an-email", SIENA))
                .when()
                .post("/v1/training/participants")
                .then()
                .statusCode(400)
                .body("violations[0].field", equalTo("email"));
    }

    @Test
    @TestSecurity(
            user = "officer-siena",
            roles = "municipality-officer",
            attributes = @SecurityAttribute(key = "municipality", value = SIENA))
    void anOfficerSeesTheirOwnPeopleOnly() {
        UUID own = stored(SIENA);
        UUID other = stored(CHIUSI);
        given().contentType(ContentType.JSON)
                .body(body(UUID.randomUUID() + "@siena.example.it", SIENA))
                .when()
                .post("/v1/training/participants")
                .then()
                .statusCode(201);
        given().contentType(ContentType.JSON)
                .body(body(UUID.randomUUID() + "@chiusi.example.it", CHIUSI))
                .when()
                .post("/v1/training/participants")
                .then()
                .statusCode(403);
        given().when()
                .get("/v1/training/participants/" + own)
                .then()
                .statusCode(200)
                .body("givenName", equalTo("Nome"));
        given().when()
                .get("/v1/training/participants/" + other)
                .then()
                .statusCode(404)
                .contentType(PROBLEM);
        // Own people show their e-mail, unless it was erased on request.
        assertThat(listed(SIENA))
                .isNotEmpty()
                .allSatisfy(p -> assertThat(p.containsKey("email") || p.containsKey("erasedAt"))
                        .isTrue());
        assertThat(listed(CHIUSI))
                .isNotEmpty()
                .allSatisfy(p -> assertThat(p).containsOnlyKeys("id", "municipality", "role"));
    }

    @Test
    @TestSecurity(user = "viewer", roles = "viewer")
    void aViewerSeesNoPersonalData() {
        UUID someone = stored(SIENA);
        given().when().get("/v1/training/participants/" + someone).then().statusCode(404);
        given().when()
                .get("/v1/training/participants/" + UUID.randomUUID())
                .then()
                .statusCode(404);
        assertThat(listed(SIENA))
                .isNotEmpty()
                .allSatisfy(p -> assertThat(p).containsOnlyKeys("id", "municipality", "role"));
        given().contentType(ContentType.JSON)
                .body(body("v@example.it", SIENA))
                .when()
                .post("/v1/training/participants")
                .then()
                .statusCode(403);
    }

    @Test
    @TestSecurity(user = "codesign", roles = "participation-partner")
    void anotherPartnerSeesNoPersonalData() {
        UUID someone = stored(CHIUSI);
        given().when().get("/v1/training/participants/" + someone).then().statusCode(404);
        assertThat(listed(CHIUSI))
                .isNotEmpty()
                .allSatisfy(p -> assertThat(p).containsOnlyKeys("id", "municipality", "role"));
    }

    @Test
    @TestSecurity(
            user = "officer-siena",
            roles = "municipality-officer",
            attributes = @SecurityAttribute(key = "municipality", value = SIENA))
    void anOfficerCorrectsTheirPeopleWithIfMatchAndNotIntoAnotherMunicipality() {
        UUID own = stored(SIENA);
        UUID other = stored(CHIUSI);
        String url = "/v1/training/participants/" + own;
        String email = own + "@siena.example.it";
        given().contentType(ContentType.JSON)
                .body(body(email, SIENA))
                .when()
                .put(url)
                .then()
                .statusCode(428)
                .contentType(PROBLEM);
        given().contentType(ContentType.JSON)
                .header("If-Match", "\"7\"")
                .body(body(email, SIENA))
                .when()
                .put(url)
                .then()
                .statusCode(412)
                .contentType(PROBLEM);
        given().contentType(ContentType.JSON)
                .header("If-Match", "\"0\"")
                .body(body(email, CHIUSI))
                .when()
                .put(url)
                .then()
                .statusCode(403)
                .contentType(PROBLEM);
        given().contentType(ContentType.JSON)
                .header("If-Match", "\"0\"")
                .body(body(other + "@comune.example.it", SIENA))
                .when()
                .put(url)
                .then()
                .statusCode(409)
                .contentType(PROBLEM);
        given().contentType(ContentType.JSON)
                .header("If-Match", "\"0\"")
                .body(body(email.toUpperCase(), SIENA))
                .when()
                .put(url)
                .then()
                .statusCode(200)
                .header("ETag", "\"1\"")
                .body("givenName", equalTo("Giulia"))
                .body("email", equalTo(email))
                .body("role", equalTo("ADMINISTRATOR"));
        given().contentType(ContentType.JSON)
                .header("If-Match", "\"0\"")
                .body(body(email, SIENA))
                .when()
                .put("/v1/training/participants/" + other)
                .then()
                .statusCode(404);
    }

    @Test
    @TestSecurity(
            user = "officer-siena",
            roles = "municipality-officer",
            attributes = @SecurityAttribute(key = "municipality", value = SIENA))
    void erasureClearsThePersonButKeepsTheFiguresAndExportShowsEverything() {
        UUID own = stored(SIENA);
        UUID other = stored(CHIUSI);
        JsonPath export = given().when()
                .get("/v1/training/participants/" + own + "/export")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(export.getString("participant.email")).isEqualTo(own + "@comune.example.it");
        assertThat(export.getList("enrolments")).isEmpty();
        assertThat(export.getList("certificates")).isEmpty();
        given().when()
                .get("/v1/training/participants/" + other + "/export")
                .then()
                .statusCode(404);
        given().when().delete("/v1/training/participants/" + other).then().statusCode(404);

        given().when().delete("/v1/training/participants/" + own).then().statusCode(204);
        given().when().delete("/v1/training/participants/" + own).then().statusCode(204);
        given().when()
                .get("/v1/training/participants/" + own)
                .then()
                .statusCode(200)
                .body("municipality", equalTo(SIENA))
                .body("role", equalTo("EMPLOYEE"))
                .body("erasedAt", org.hamcrest.Matchers.notNullValue())
                .body("$", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasKey("email")))
                .body("$", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasKey("givenName")));
        Participant stored = QuarkusTransaction.requiringNew().call(() -> Participant.findById(own));
        assertThat(stored.email).isNull();
        assertThat(stored.familyName).isNull();
        assertThat(stored.office).isNull();
        // told once (the second erasure changed nothing), by the hash of the id, never the id itself
        String hash = ParticipantErased.sha256Of(own);
        var erased = OutboxProbe.events(hash, ParticipantErased.TYPE);
        assertThat(erased).hasSize(1);
        assertThat(erased.get(0).data().path("participantIdSha256").asText()).isEqualTo(hash);
        assertThat(erased.get(0).data().path("municipality").asText()).isEqualTo(SIENA);
        assertThat(erased.get(0).data().toString()).doesNotContain(own.toString());
        assertThat(OutboxProbe.events(own)).as("events whose subject is the id").isEmpty();
        given().contentType(ContentType.JSON)
                .header("If-Match", "\"1\"")
                .body(body(own + "@x.example.it", SIENA))
                .when()
                .put("/v1/training/participants/" + own)
                .then()
                .statusCode(409);
    }

    @Test
    @TestSecurity(user = "viewer", roles = "viewer")
    void aViewerNeitherErasesNorExports() {
        UUID someone = stored(SIENA);
        given().when().delete("/v1/training/participants/" + someone).then().statusCode(403);
        given().when()
                .get("/v1/training/participants/" + someone + "/export")
                .then()
                .statusCode(403);
    }

    @Test
    void anonymousCallersAre401() {
        given().when().get("/v1/training/participants").then().statusCode(401).contentType(PROBLEM);
    }
}
