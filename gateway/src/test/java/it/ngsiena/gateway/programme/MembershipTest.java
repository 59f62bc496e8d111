package it.ngsiena.gateway.programme;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import it.ngsiena.contracts.programme.MembershipChanged;
import it.ngsiena.gateway.FakeServicesResource;
import it.ngsiena.testkit.OutboxProbe;
import it.ngsiena.testkit.PlatformTestResource;
import java.time.Duration;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(PlatformTestResource.class)
@WithTestResource(FakeServicesResource.class)
class MembershipTest {

    static final String PROBLEM = "application/problem+json";

    @Test
    @TestSecurity(user = "admin", roles = "programme-admin")
    void controlCharactersAre400ProblemsHereToo() {
        given().contentType(ContentType.JSON)
                .body("{\"joinedOn\":\"2022-03-24\",\"note\":\"nota\\u0000\"}")
                .when()
                .put("/v1/programme/members/052034")
                .then()
                .statusCode(400)
                .contentType(PROBLEM)
                .body("violations[0].field", equalTo("note"));
        given().queryParam("municipality", "\u0000")
                .when()
                .get("/v1/activity")
                .then()
                .statusCode(400)
                .contentType(PROBLEM);
    }

    @Test
    @TestSecurity(user = "admin", roles = "programme-admin")
    void theAdminRecordsMembershipAndUpdatesNeedTheCurrentETag() {
        given().contentType(ContentType.JSON)
                .body("{\"joinedOn\":\"2022-03-24\",\"note\":\"kickoff\"}")
                .when()
                .put("/v1/programme/members/052033")
                .then()
                .statusCode(201)
                .header("ETag", "\"0\"")
                .body("name", equalTo("Sinalunga"))
                .body("active", equalTo(true));

        String later = "{\"joinedOn\":\"2022-03-24\",\"leftOn\":\"2023-01-01\"}";
        given().contentType(ContentType.JSON)
                .body(later)
                .when()
                .put("/v1/programme/members/052033")
                .then()
                .statusCode(428)
                .contentType(PROBLEM);
        given().contentType(ContentType.JSON)
                .header("If-Match", "\"7\"")
                .body(later)
                .when()
                .put("/v1/programme/members/052033")
                .then()
                .statusCode(412)
                .contentType(PROBLEM);
        given().contentType(ContentType.JSON)
                .header("If-Match", "\"0\"")
                .body(later)
                .when()
                .put("/v1/programme/members/052033")
                .then()
                .statusCode(200)
                .header("ETag", "\"1\"")
                .body("leftOn", equalTo("2023-01-01"))
                .body("active", equalTo(false));
        given().contentType(ContentType.JSON)
                .header("If-Match", "\"0\"")
                .body(later)
                .when()
                .put("/v1/programme/members/052033")
                .then()
                .statusCode(412);

        given().queryParam("activeOn", "2022-06-01")
                .when()
                .get("/v1/programme/members")
                .then()
                .statusCode(200)
                .body("items.find { it.istatCode == '052033' }.active", equalTo(true));
        given().queryParam("activeOn", "2023-06-01")
                .queryParam("activeOnly", true)
                .when()
                .get("/v1/programme/members")
                .then()
                .statusCode(200)
                .body("items.istatCode", not(hasItem("052033")));
    }

    @Test
    @TestSecurity(user = "admin", roles = "programme-admin")
    void theOverviewNamesARoleAsSoonAsItIsRecorded() {
        // the roles are kept in memory (in the tests they are never reloaded by time): a change must show at once
        String overview = "/v1/municipalities/052024/overview";
        given().queryParam("on", "2024-05-01")
                .when()
                .get(overview)
                .then()
                .statusCode(200)
                .body("membership.member", equalTo(false));
        given().contentType(ContentType.JSON)
                .body("""
                {"periods":[{"joinedOn":"2024-01-01","role":"MEMBER"}]}""")
                .when()
                .put("/v1/programme/members/052024")
                .then()
                .statusCode(201);
        given().queryParam("on", "2024-05-01")
                .when()
                .get(overview)
                .then()
                .statusCode(200)
                .body("membership.member", equalTo(true))
                .body("membership.role", equalTo("MEMBER"));
        String etag = given().when()
                .get("/v1/programme/members/052024")
                .then()
                .statusCode(200)
                .extract()
                .header("ETag");
        given().contentType(ContentType.JSON)
                .header("If-Match", etag)
                .body("""
                {"periods":[{"joinedOn":"2024-01-01","role":"LEAD"}]}""")
                .when()
                .put("/v1/programme/members/052024")
                .then()
                .statusCode(200);
        given().queryParam("on", "2024-05-01")
                .when()
                .get(overview)
                .then()
                .statusCode(200)
                .body("membership.role", equalTo("LEAD"));
    }

    @Test
    @TestSecurity(user = "admin", roles = "programme-admin")
    void periodsWithRolesAreCountedOnTheDayAsked() {
        String kpisBefore = "/v1/programme/kpis?on=2022-03-24";
        var before = given().when().get(kpisBefore).then().statusCode(200).extract();
        long membersBefore = before.jsonPath().getLong("members.total");
        String etagBefore = before.header("ETag");

        // an observer at the kickoff, a member from September, then out at the end of 2022
        given().contentType(ContentType.JSON)
                .body("""
                {"periods":[{"joinedOn":"2022-03-24","leftOn":"2022-09-01","role":"OBSERVER"},
                            {"joinedOn":"2022-09-01","leftOn":"2023-01-01","role":"MEMBER"}],
                 "note":"Osservatore all'avvio"}""")
                .when()
                .put("/v1/programme/members/052034")
                .then()
                .statusCode(201)
                .body("joinedOn", equalTo("2022-03-24"))
                .body("leftOn", equalTo("2023-01-01"))
                .body("periods.role", contains("OBSERVER", "MEMBER"));

        // announced: in the outbox with the membership's transaction, then through Kafka into the feed
        assertThat(OutboxProbe.events("052034", MembershipChanged.TYPE))
                .singleElement()
                .satisfies(e -> {
                    assertThat(e.data().get("periods").get(0).get("role").asText())
                            .isEqualTo("OBSERVER");
                    assertThat(e.data().get("periods").get(1).get("leftOn").asText())
                            .isEqualTo("2023-01-01");
                });
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> given().queryParam("workstream", "programme")
                        .queryParam("municipality", "052034")
                        .when()
                        .get("/v1/activity")
                        .then()
                        .statusCode(200)
                        .body("items[0].type", equalTo(MembershipChanged.TYPE))
                        .body("items[0].source", equalTo("/gateway"))
                        .body("items[0].data.periods[1].role", equalTo("MEMBER")));

        given().queryParam("on", "2022-03-24")
                .when()
                .get("/v1/programme/members")
                .then()
                .statusCode(200)
                .body("items.find { it.istatCode == '052034' }.role", equalTo("OBSERVER"))
                .body("items.find { it.istatCode == '052034' }.roleLabelIt", equalTo("osservatore"))
                .body("items.active", everyItem(equalTo(true)));
        given().queryParam("on", "2022-10-01")
                .when()
                .get("/v1/programme/members")
                .then()
                .statusCode(200)
                .body("items.find { it.istatCode == '052034' }.role", equalTo("MEMBER"));
        given().queryParam("on", "2023-02-01")
                .when()
                .get("/v1/programme/members")
                .then()
                .statusCode(200)
                .body("items.istatCode", not(hasItem("052034")));

        var after = given().when().get(kpisBefore).then().statusCode(200).extract();
        assertThat(after.jsonPath().getLong("members.total")).isEqualTo(membersBefore + 1);
        assertThat(after.jsonPath().getString("members.on")).isEqualTo("2022-03-24");
        assertThat(after.header("ETag")).isNotEqualTo(etagBefore);
        given().header("If-None-Match", etagBefore)
                .when()
                .get(kpisBefore)
                .then()
                .statusCode(200);

        given().queryParam("on", "2022-03-24")
                .when()
                .get("/v1/municipalities/052034/overview")
                .then()
                .statusCode(200)
                .body("membership.member", equalTo(true))
                .body("membership.role", equalTo("OBSERVER"));
        given().queryParam("on", "2022-01-10")
                .when()
                .get("/v1/municipalities/052034/overview")
                .then()
                .statusCode(200)
                .body("membership.member", equalTo(false))
                .body("membership.on", equalTo("2022-01-10"));
        given().queryParam("on", "2022-10-01")
                .queryParam("membersOnly", true)
                .when()
                .get("/v1/municipalities")
                .then()
                .statusCode(200)
                .body("items.find { it.istat == '052034' }.role", equalTo("MEMBER"))
                .body("items.istat", not(hasItem("052001")));
    }

    @Test
    @TestSecurity(user = "admin", roles = "programme-admin")
    void overlappingOrAmbiguousPeriodsAreRefused() {
        given().contentType(ContentType.JSON)
                .body("""
                {"periods":[{"joinedOn":"2022-03-24","leftOn":"2022-09-01","role":"MEMBER"},
                            {"joinedOn":"2022-08-01","role":"LEAD"}]}""")
                .when()
                .put("/v1/programme/members/052035")
                .then()
                .statusCode(400)
                .contentType(PROBLEM)
                .body("violations.field", hasItem("periods"));
        given().contentType(ContentType.JSON)
                .body("""
                {"periods":[{"joinedOn":"2022-03-24","role":"MEMBER"},{"joinedOn":"2022-08-01","role":"LEAD"}]}""")
                .when()
                .put("/v1/programme/members/052035")
                .then()
                .statusCode(400)
                .contentType(PROBLEM)
                .body("violations.field", hasItem("periods"));
        given().contentType(ContentType.JSON)
                .body("""
                {"joinedOn":"2022-03-24","periods":[{"joinedOn":"2022-03-24","role":"MEMBER"}]}""")
                .when()
                .put("/v1/programme/members/052035")
                .then()
                .statusCode(400)
                .contentType(PROBLEM)
                .body("violations.field", hasItem("joinedOn"));
        given().contentType(ContentType.JSON)
                .body("{\"periods\":[{\"joinedOn\":\"2022-03-24\",\"role\":\"BOSS\"}]}")
                .when()
                .put("/v1/programme/members/052035")
                .then()
                .statusCode(400)
                .contentType(PROBLEM);
        given().queryParam("on", "2022-03-24")
                .queryParam("activeOn", "2022-03-24")
                .when()
                .get("/v1/programme/members")
                .then()
                .statusCode(400)
                .contentType(PROBLEM);
        given().queryParam("on", "yesterday")
                .when()
                .get("/v1/programme/kpis")
                .then()
                .statusCode(400)
                .contentType(PROBLEM);
    }

    @Test
    @TestSecurity(user = "admin", roles = "programme-admin")
    void badMembershipsAreRefused() {
        given().contentType(ContentType.JSON)
                .body("{\"joinedOn\":\"2022-03-24\",\"leftOn\":\"2022-03-01\"}")
                .when()
                .put("/v1/programme/members/052032")
                .then()
                .statusCode(400)
                .contentType(PROBLEM)
                .body("violations.field", hasItem("leftOn"));
        given().contentType(ContentType.JSON)
                .body("{\"joinedOn\":\"24/03/2022\"}")
                .when()
                .put("/v1/programme/members/052032")
                .then()
                .statusCode(400)
                .contentType(PROBLEM)
                .body("violations.field", hasItem("joinedOn"));
        given().contentType(ContentType.JSON)
                .body("{\"joinedOn\":\"2022-03-24\"}")
                .when()
                .put("/v1/programme/members/058091")
                .then()
                .statusCode(404)
                .contentType(PROBLEM);
        given().queryParam("activeOn", "soon")
                .when()
                .get("/v1/programme/members")
                .then()
                .statusCode(400)
                .contentType(PROBLEM);
    }

    @Test
    @TestSecurity(user = "officer-siena", roles = "municipality-officer")
    void onlyTheAdminRecordsMembership() {
        given().contentType(ContentType.JSON)
                .body("{\"joinedOn\":\"2022-03-24\"}")
                .when()
                .put("/v1/programme/members/052032")
                .then()
                .statusCode(403)
                .contentType(PROBLEM);
    }

    @Test
    void membershipIsPublicToRead() {
        given().when().get("/v1/programme/members").then().statusCode(200);
        given().when()
                .get("/v1/programme/members/052001")
                .then()
                .statusCode(404)
                .contentType(PROBLEM);
    }
}
