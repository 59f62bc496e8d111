package it.ngsiena.gateway.programme;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import it.ngsiena.gateway.FakeServicesResource;
import it.ngsiena.testkit.PlatformTestResource;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(PlatformTestResource.class)
@WithTestResource(FakeServicesResource.class)
class MembershipTest {

    static final String PROBLEM = "application/problem+json";

    @Test
    @TestSecurity(user = "admin", roles = "programme-admin")
    void controlCharactersAre400ProblemsHereToo() {
        given().contentType(ContentType.JSON).body("{\"joinedOn\":\"2022-03-24\",\"note\":\"nota\\u0000\"}")
                .when().put("/v1/programme/members/052034")
                .then().statusCode(400).contentType(PROBLEM).body("violations[0].field", equalTo("note"));
        given().queryParam("municipality", "\u0000").when().get("/v1/activity").then().statusCode(400)
                .contentType(PROBLEM);
    }

    @Test
    @TestSecurity(user = "admin", roles = "programme-admin")
    void theAdminRecordsMembershipAndUpdatesNeedTheCurrentETag() {
        given().contentType(ContentType.JSON).body("{\"joinedOn\":\"2022-03-24\",\"note\":\"kickoff\"}")
                .when().put("/v1/programme/members/052033")
                .then().statusCode(201)
                .header("ETag", "\"0\"")
                .body("name", equalTo("Sinalunga"))
                .body("active", equalTo(true));

        String later = "{\"joinedOn\":\"2022-03-24\",\"leftOn\":\"2023-01-01\"}";
        given().contentType(ContentType.JSON).body(later)
                .when().put("/v1/programme/members/052033")
                .then().statusCode(428).contentType(PROBLEM);
        given().contentType(ContentType.JSON).header("If-Match", "\"7\"").body(later)
                .when().put("/v1/programme/members/052033")
                .then().statusCode(412).contentType(PROBLEM);
        given().contentType(ContentType.JSON).header("If-Match", "\"0\"").body(later)
                .when().put("/v1/programme/members/052033")
                .then().statusCode(200)
                .header("ETag", "\"1\"")
                .body("leftOn", equalTo("2023-01-01"))
                .body("active", equalTo(false));
        given().contentType(ContentType.JSON).header("If-Match", "\"0\"").body(later)
                .when().put("/v1/programme/members/052033")
                .then().statusCode(412);

        given().queryParam("activeOn", "2022-06-01").when().get("/v1/programme/members")
                .then().statusCode(200)
                .body("items.find { it.istatCode == '052033' }.active", equalTo(true));
        given().queryParam("activeOn", "2023-06-01").queryParam("activeOnly", true).when().get("/v1/programme/members")
                .then().statusCode(200)
                .body("items.istatCode", not(hasItem("052033")));
    }

    @Test
    @TestSecurity(user = "admin", roles = "programme-admin")
    void badMembershipsAreRefused() {
        given().contentType(ContentType.JSON).body("{\"joinedOn\":\"2022-03-24\",\"leftOn\":\"2022-03-01\"}")
                .when().put("/v1/programme/members/052032")
                .then().statusCode(400).contentType(PROBLEM)
                .body("violations.field", hasItem("leftOn"));
        given().contentType(ContentType.JSON).body("{\"joinedOn\":\"24/03/2022\"}")
                .when().put("/v1/programme/members/052032")
                .then().statusCode(400).contentType(PROBLEM)
                .body("violations.field", hasItem("joinedOn"));
        given().contentType(ContentType.JSON).body("{\"joinedOn\":\"2022-03-24\"}")
                .when().put("/v1/programme/members/058091")
                .then().statusCode(404).contentType(PROBLEM);
        given().queryParam("activeOn", "soon").when().get("/v1/programme/members")
                .then().statusCode(400).contentType(PROBLEM);
    }

    @Test
    @TestSecurity(user = "officer-siena", roles = "municipality-officer")
    void onlyTheAdminRecordsMembership() {
        given().contentType(ContentType.JSON).body("{\"joinedOn\":\"2022-03-24\"}")
                .when().put("/v1/programme/members/052032")
                .then().statusCode(403).contentType(PROBLEM);
    }

    @Test
    void membershipIsPublicToRead() {
        given().when().get("/v1/programme/members").then().statusCode(200);
        given().when().get("/v1/programme/members/052001").then().statusCode(404).contentType(PROBLEM);
    }
}
