package it.ngsiena.feasibility.study;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.SecurityAttribute;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import it.ngsiena.testkit.PlatformTestResource;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Who may read and manage studies. */
@QuarkusTest
@WithTestResource(PlatformTestResource.class)
class StudyAccessTest {

    static final String SIENA = "052032";
    static final String CHIUSI = "052011";

    static UUID stored(String... municipalities) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Study s = new Study();
            s.id = UUID.randomUUID();
            s.title = "Studio di prova";
            s.needIds = List.of(UUID.randomUUID());
            s.municipalities = List.of(municipalities);
            s.themes = List.of();
            s.status = StudyStatus.REQUESTED;
            s.createdAt = OffsetDateTime.now();
            s.updatedAt = s.createdAt;
            s.persist();
            return s.id;
        });
    }

    static List<String> listed() {
        return given().queryParam("size", 100)
                .when()
                .get("/v1/feasibility/studies")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("items.id");
    }

    @Test
    @TestSecurity(
            user = "officer-siena",
            roles = "municipality-officer",
            attributes = @SecurityAttribute(key = "municipality", value = SIENA))
    void anOfficerReadsOnlyTheStudiesOfTheirMunicipality() {
        UUID shared = stored(SIENA, CHIUSI);
        UUID other = stored(CHIUSI);
        given().when().get("/v1/feasibility/studies/" + shared).then().statusCode(200);
        given().when()
                .get("/v1/feasibility/studies/" + other)
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
        given().when()
                .get("/v1/feasibility/studies/" + other + "/funding-sources")
                .then()
                .statusCode(404);
        given().when()
                .get("/v1/feasibility/studies/" + other + "/matching-opportunities")
                .then()
                .statusCode(404);
        assertThat(listed()).contains(shared.toString()).doesNotContain(other.toString());
        given().contentType(ContentType.JSON)
                .body(StudyLifecycleTest.body(UUID.randomUUID(), null, SIENA))
                .when()
                .post("/v1/feasibility/studies")
                .then()
                .statusCode(403);
        StudyLifecycleTest.post(shared.toString(), "start", "{}").statusCode(403);
        given().when()
                .get("/v1/feasibility/summaries/municipalities/" + SIENA)
                .then()
                .statusCode(200);
        given().when()
                .get("/v1/feasibility/summaries/municipalities/" + CHIUSI)
                .then()
                .statusCode(403);
    }

    @Test
    @TestSecurity(user = "viewer", roles = "viewer")
    void aViewerReadsAllAndChangesNothing() {
        UUID other = stored(CHIUSI);
        given().when()
                .get("/v1/feasibility/studies/" + other)
                .then()
                .statusCode(200)
                .body("municipalities[0]", equalTo(CHIUSI));
        assertThat(listed()).contains(other.toString());
        given().contentType(ContentType.JSON)
                .body(StudyLifecycleTest.body(UUID.randomUUID(), null, SIENA))
                .when()
                .post("/v1/feasibility/studies")
                .then()
                .statusCode(403)
                .contentType("application/problem+json");
        StudyLifecycleTest.post(other.toString(), "abandon", "{\"reason\":\"x\"}")
                .statusCode(403);
        given().contentType(ContentType.JSON)
                .body("{\"status\":\"AWARDED\"}")
                .when()
                .patch("/v1/feasibility/funding-sources/" + UUID.randomUUID())
                .then()
                .statusCode(403);
    }

    @Test
    @TestSecurity(user = "admin", roles = "programme-admin")
    void theAdminManagesStudies() {
        String id = StudyLifecycleTest.open(SIENA);
        StudyLifecycleTest.post(id, "start", "{}").statusCode(200);
    }

    @Test
    void anonymousCallersAre401ButReadTheCallsForFunding() {
        given().when().get("/v1/feasibility/studies").then().statusCode(401).contentType("application/problem+json");
        given().when().get("/v1/feasibility/summaries/programme").then().statusCode(401);
        given().when().get("/v1/feasibility/funding-opportunities").then().statusCode(200);
        given().when()
                .get("/v1/feasibility/pnrr-components")
                .then()
                .statusCode(200)
                .body("items.code", org.hamcrest.Matchers.hasItems("M1C1", "M2C4", "M6C2"));
    }
}
