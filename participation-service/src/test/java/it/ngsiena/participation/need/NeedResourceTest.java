package it.ngsiena.participation.need;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.SecurityAttribute;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import it.ngsiena.kernel.paging.PagedQuery;
import it.ngsiena.testkit.OpenApiContract;
import it.ngsiena.testkit.PlatformTestResource;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(PlatformTestResource.class)
class NeedResourceTest {

    static final String SIENA = "052032";
    static final String MONTEPULCIANO = "052015";
    static final String PROBLEM = "application/problem+json";

    @Inject
    EntityManager em;

    static String need(String title, String... municipalities) {
        return """
                {"title":"%s","description":"Uno sportello digitale condiviso","theme":"DIGITAL_TRANSITION",
                 "municipalities":[%s],"origin":"WORKSHOP","submitterOrganisation":"Comune di Siena"}""".formatted(
                        title,
                        String.join(
                                ",",
                                java.util.Arrays.stream(municipalities)
                                        .map(m -> "\"" + m + "\"")
                                        .toList()));
    }

    /** A need with a blank title, no theme and a municipality that is not an ISTAT code. */
    private static final String BAD_NEED = "{\"title\":\" \",\"description\":\"x\",\"municipalities\":[\"05203X\"]}";

    @Test
    @TestSecurity(user = "codesign", roles = "participation-partner")
    void aValidationErrorReadsInItalianByDefaultAndInEnglishWhenAsked() {
        for (String italian : new String[] {null, "it", "it-IT,en;q=0.5", "de"}) {
            var request = given().contentType(ContentType.JSON).body(BAD_NEED);
            if (italian != null) {
                request.header("Accept-Language", italian);
            }
            request.when()
                    .post("/v1/participation/needs")
                    .then()
                    .statusCode(400)
                    .header("Content-Language", "it")
                    .body("type", equalTo("urn:ngsiena:problem:validation"))
                    .body("title", equalTo("Richiesta non valida"))
                    .body("detail", equalTo("3 campi non sono validi"))
                    .body("violations.field", org.hamcrest.Matchers.contains("municipalities[0]", "theme", "title"))
                    .body("violations[0].message", equalTo("deve essere un codice ISTAT di 6 cifre"))
                    .body("violations[1].message", org.hamcrest.Matchers.not(equalTo("must not be null")));
        }
        given().contentType(ContentType.JSON)
                .header("Accept-Language", "en-GB,it;q=0.5")
                .body(BAD_NEED)
                .when()
                .post("/v1/participation/needs")
                .then()
                .statusCode(400)
                .header("Content-Language", "en")
                .body("type", equalTo("urn:ngsiena:problem:validation"))
                .body("title", equalTo("Invalid request"))
                .body("detail", equalTo("3 fields are invalid"))
                .body("violations[0].message", equalTo("must be a 6-digit ISTAT code"))
                .body("violations[1].message", equalTo("must not be null"));
    }

    @Test
    void withoutATokenTheAnswerIs401Problem() {
        given().contentType(ContentType.JSON)
                .body(need("t", SIENA))
                .when()
                .post("/v1/participation/needs")
                .then()
                .statusCode(401)
                .contentType(PROBLEM)
                .header("WWW-Authenticate", "Bearer")
                .body("status", equalTo(401));
    }

    @Test
    @TestSecurity(
            user = "officer-siena",
            roles = "municipality-officer",
            attributes = @SecurityAttribute(key = "municipality", value = SIENA))
    void anOfficerSubmitsANeedOfTheirMunicipality() {
        String location = given().contentType(ContentType.JSON)
                .body(need("Sportello digitale", SIENA))
                .when()
                .post("/v1/participation/needs")
                .then()
                .statusCode(201)
                .header("Location", containsString("/v1/participation/needs/"))
                .body("status", equalTo("SUBMITTED"))
                .body("themeLabelIt", equalTo("Transizione digitale"))
                .body("municipalities", hasItem(SIENA))
                .extract()
                .header("Location");

        given().when()
                .get(location)
                .then()
                .statusCode(200)
                .header("ETag", "\"0\"")
                .body("title", equalTo("Sportello digitale"))
                .body("createdAt", notNullValue());
    }

    @Test
    @TestSecurity(
            user = "officer-siena",
            roles = "municipality-officer",
            attributes = @SecurityAttribute(key = "municipality", value = SIENA))
    void anOfficerCannotSubmitForOtherMunicipalitiesTooTheyJoinByEndorsing() {
        given().contentType(ContentType.JSON)
                .body(need("Sportello condiviso", SIENA, MONTEPULCIANO))
                .when()
                .post("/v1/participation/needs")
                .then()
                .statusCode(403)
                .contentType(PROBLEM)
                .body("detail", containsString("endorsing"));
    }

    @Test
    @TestSecurity(
            user = "officer-montepulciano",
            roles = "municipality-officer",
            attributes = @SecurityAttribute(key = "municipality", value = MONTEPULCIANO))
    void anOfficerCannotSubmitOnlyForAnotherMunicipality() {
        given().contentType(ContentType.JSON)
                .body(need("Per Siena soltanto", SIENA))
                .when()
                .post("/v1/participation/needs")
                .then()
                .statusCode(403)
                .contentType(PROBLEM)
                .body("detail", containsString(MONTEPULCIANO));
    }

    @Test
    @TestSecurity(user = "viewer", roles = "viewer")
    void aViewerCannotSubmit() {
        given().contentType(ContentType.JSON)
                .body(need("Da viewer", SIENA))
                .when()
                .post("/v1/participation/needs")
                .then()
                .statusCode(403)
                .contentType(PROBLEM);
    }

    @Test
    @TestSecurity(user = "codesign", roles = "participation-partner")
    void invalidFieldsAreListed() {
        given().contentType(ContentType.JSON)
                .body("""
                        {"title":" ","description":"x","theme":"DIGITAL_TRANSITION","municipalities":["52032"]}""")
                .when()
                .post("/v1/participation/needs")
                .then()
                .statusCode(400)
                .contentType(PROBLEM)
                .body("type", equalTo("urn:ngsiena:problem:validation"))
                .body("violations.field", hasItem("title"))
                .body("violations.field", hasItem("municipalities[0]"));
    }

    @Test
    @TestSecurity(user = "codesign", roles = "participation-partner")
    void missingAndOversizedFieldsAreListed() {
        given().contentType(ContentType.JSON)
                .body("{\"title\":\"" + "x".repeat(201) + "\"}")
                .when()
                .post("/v1/participation/needs")
                .then()
                .statusCode(400)
                .contentType(PROBLEM)
                .body("violations.field", hasItem("title"))
                .body("violations.field", hasItem("description"))
                .body("violations.field", hasItem("theme"))
                .body("violations.field", hasItem("municipalities"));
        given().contentType(ContentType.JSON)
                .body("{\"title\": 42, \"municipalities\": \"052032\"}")
                .when()
                .post("/v1/participation/needs")
                .then()
                .statusCode(400)
                .contentType(PROBLEM);
        given().queryParam("q", "x".repeat(101))
                .when()
                .get("/v1/participation/needs")
                .then()
                .statusCode(400)
                .contentType(PROBLEM);
        given().queryParam("sort", "colour")
                .queryParam("submittedFrom", "ieri")
                .when()
                .get("/v1/participation/needs")
                .then()
                .statusCode(400)
                .contentType(PROBLEM)
                .body("violations.field", hasItem("sort"))
                .body("violations.field", hasItem("submittedFrom"));
    }

    @Test
    @TestSecurity(user = "codesign", roles = "participation-partner")
    void theListFiltersByTextAndDateAndSorts() {
        String marker = "Zafferano" + UUID.randomUUID().toString().substring(0, 6);
        given().contentType(ContentType.JSON)
                .body(need(marker + " di San Gimignano", "052028"))
                .when()
                .post("/v1/participation/needs")
                .then()
                .statusCode(201);
        given().queryParam("q", marker.toLowerCase())
                .when()
                .get("/v1/participation/needs")
                .then()
                .statusCode(200)
                .body("total", equalTo(1))
                .body("items[0].title", containsString(marker));
        given().queryParam("q", marker)
                .queryParam("submittedFrom", "2000-01-01T00:00:00Z")
                .queryParam("submittedTo", "2001-01-01T00:00:00Z")
                .when()
                .get("/v1/participation/needs")
                .then()
                .statusCode(200)
                .body("total", equalTo(0));
        given().queryParam("q", "%")
                .queryParam("sort", "title")
                .when()
                .get("/v1/participation/needs")
                .then()
                .statusCode(200)
                .body("total", equalTo(0));
        given().queryParam("sort", "title")
                .queryParam("size", 100)
                .when()
                .get("/v1/participation/needs")
                .then()
                .statusCode(200);
    }

    @Test
    @TestSecurity(user = "codesign", roles = "participation-partner")
    void unknownMunicipalitiesAre422() {
        given().contentType(ContentType.JSON)
                .body(need("Comune inesistente", SIENA, "052999"))
                .when()
                .post("/v1/participation/needs")
                .then()
                .statusCode(422)
                .contentType(PROBLEM)
                .body("violations[0].field", equalTo("municipalities[1]"))
                .body("violations[0].message", containsString("052999"));
    }

    @Test
    @TestSecurity(user = "codesign", roles = "participation-partner")
    void unreadableBodiesAre400NotServerErrors() {
        given().contentType(ContentType.JSON)
                .body("{\"title\": ")
                .when()
                .post("/v1/participation/needs")
                .then()
                .statusCode(400)
                .contentType(PROBLEM);
        given().contentType(ContentType.JSON)
                .body(need("x", SIENA).replace("DIGITAL_TRANSITION", "SPACE_TRAVEL"))
                .when()
                .post("/v1/participation/needs")
                .then()
                .statusCode(400)
                .contentType(PROBLEM)
                .body("violations[0].field", equalTo("theme"));
        given().contentType(ContentType.TEXT)
                .body("hello")
                .when()
                .post("/v1/participation/needs")
                .then()
                .statusCode(415)
                .contentType(PROBLEM);
    }

    @Test
    @TestSecurity(user = "codesign", roles = "participation-partner")
    void aRetryWithTheSameIdempotencyKeyCreatesOneNeedAndOneEvent() {
        String key = UUID.randomUUID().toString();
        String body = need("Idempotente", SIENA);
        String first = given().contentType(ContentType.JSON)
                .header("Idempotency-Key", key)
                .body(body)
                .when()
                .post("/v1/participation/needs")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        String second = given().contentType(ContentType.JSON)
                .header("Idempotency-Key", key)
                .body(body)
                .when()
                .post("/v1/participation/needs")
                .then()
                .statusCode(201)
                .header("Idempotent-Replayed", "true")
                .header("Location", containsString(first))
                .extract()
                .path("id");
        assertThat(second).isEqualTo(first);

        long needs = (Long) em.createQuery("select count(n) from Need n where n.title = 'Idempotente'")
                .getSingleResult();
        long events = ((Number) em.createNativeQuery("select count(*) from outbox_event where subject = ?1")
                        .setParameter(1, first)
                        .getSingleResult())
                .longValue();
        assertThat(needs).isEqualTo(1);
        assertThat(events).isEqualTo(1);

        given().contentType(ContentType.JSON)
                .header("Idempotency-Key", key)
                .body(need("Altro corpo", SIENA))
                .when()
                .post("/v1/participation/needs")
                .then()
                .statusCode(422)
                .contentType(PROBLEM)
                .body("type", equalTo("urn:ngsiena:problem:idempotency-key-reused"));
    }

    @Test
    @TestSecurity(user = "viewer", roles = "viewer")
    void listsArePagedWithLinksAndTotal() {
        given().queryParam("size", 1)
                .queryParam("municipality", SIENA)
                .when()
                .get("/v1/participation/needs")
                .then()
                .statusCode(200)
                .header("X-Total-Count", notNullValue())
                .header("Link", containsString("rel=\"first\""))
                .body("size", equalTo(1));
        given().queryParam("size", 500)
                .when()
                .get("/v1/participation/needs")
                .then()
                .statusCode(400)
                .contentType(PROBLEM)
                .body("violations[0].field", equalTo("size"));
        given().queryParam("municipality", "Siena")
                .when()
                .get("/v1/participation/needs")
                .then()
                .statusCode(400)
                .contentType(PROBLEM);
    }

    /**
     * Past {@link PagedQuery#COUNT_LIMIT} matches a list stops counting (its cost stays that of the page as
     * the needs grow): the total says "at least", and neither X-Total-Count nor a last link is given; the
     * last page, not full, knows the exact total without counting.
     */
    @Test
    @TestSecurity(user = "viewer", roles = "viewer")
    void aListPastTheCountLimitSaysAtLeastThatMany() {
        String marker = "conteggio" + UUID.randomUUID().toString().substring(0, 8);
        int stored = PagedQuery.COUNT_LIMIT + 1;
        QuarkusTransaction.requiringNew()
                .run(() -> em.createNativeQuery("""
                insert into need (id, title, description, theme, municipalities, origin, status, created_at, updated_at,
                                  submitted_at)
                select gen_random_uuid(), ?1 || ' ' || g, 'Oltre il limite del conteggio', 'MOBILITY', array['052032'],
                       'ONLINE', 'SUBMITTED', now(), now(), now()
                from generate_series(1, ?2) g""")
                        .setParameter(1, marker)
                        .setParameter(2, stored)
                        .executeUpdate());
        try {
            var first = given().queryParam("q", marker)
                    .queryParam("size", 20)
                    .when()
                    .get("/v1/participation/needs")
                    .then()
                    .statusCode(200)
                    .body("total", equalTo(PagedQuery.COUNT_LIMIT))
                    .body("totalExact", equalTo(false))
                    .body("items.size()", equalTo(20))
                    .extract();
            assertThat(first.header("X-Total-Count")).isNull();
            assertThat(first.header("Link")).contains("rel=\"next\"").doesNotContain("rel=\"last\"");

            int lastPage = stored / 20;
            given().queryParam("q", marker)
                    .queryParam("size", 20)
                    .queryParam("page", lastPage)
                    .when()
                    .get("/v1/participation/needs")
                    .then()
                    .statusCode(200)
                    .body("total", equalTo(stored))
                    .body("totalExact", equalTo(true))
                    .body("items.size()", equalTo(stored - lastPage * 20))
                    .header("X-Total-Count", Integer.toString(stored));
        } finally {
            QuarkusTransaction.requiringNew()
                    .run(() -> em.createNativeQuery("delete from need where title like ?1")
                            .setParameter(1, marker + " %")
                            .executeUpdate());
        }
    }

    @Test
    @TestSecurity(user = "viewer", roles = "viewer")
    void missingThingsAre404Problems() {
        given().when()
                .get("/v1/participation/needs/" + UUID.randomUUID())
                .then()
                .statusCode(404)
                .contentType(PROBLEM);
        // A malformed id is bad input, not a missing object.
        given().when()
                .get("/v1/participation/needs/not-a-uuid")
                .then()
                .statusCode(400)
                .contentType(PROBLEM);
        given().when().get("/v1/nowhere").then().statusCode(404).contentType(PROBLEM);
    }

    @Test
    void themesArePublicWithBothLabels() {
        given().when()
                .get("/v1/participation/themes")
                .then()
                .statusCode(200)
                .body("items.code", hasItem("MOBILITY"))
                .body("items.find { it.code == 'ENERGY_ENVIRONMENT' }.labelEn", equalTo("Energy and environment"));
    }

    @Test
    void theOpenApiDocumentFollowsTheConventions() {
        given().queryParam("format", "json")
                .when()
                .get("/q/openapi")
                .then()
                .statusCode(200)
                .body("info.version", equalTo(OpenApiContract.releasedVersion()))
                .body("'x-api-id'", equalTo("ngs-participation-v1"))
                .body("paths.'/v1/participation/needs'.post.operationId", equalTo("submitNeed"))
                .body("components.schemas.Problem", notNullValue());
    }
}
