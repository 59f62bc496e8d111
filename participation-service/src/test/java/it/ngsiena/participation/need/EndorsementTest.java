package it.ngsiena.participation.need;

import static io.restassured.RestAssured.given;
import static it.ngsiena.participation.support.Fixtures.CHIUSI;
import static it.ngsiena.participation.support.Fixtures.MONTEPULCIANO;
import static it.ngsiena.participation.support.Fixtures.PIENZA;
import static it.ngsiena.participation.support.Fixtures.SIENA;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.SecurityAttribute;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import it.ngsiena.contracts.participation.EndorsementWithdrawn;
import it.ngsiena.contracts.participation.NeedBecameAreaWide;
import it.ngsiena.contracts.participation.NeedEndorsed;
import it.ngsiena.contracts.participation.NeedSubmitted;
import it.ngsiena.participation.support.Fixtures;
import it.ngsiena.testkit.OutboxProbe;
import it.ngsiena.testkit.PlatformTestResource;
import jakarta.inject.Inject;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(PlatformTestResource.class)
class EndorsementTest {

    @Inject
    Fixtures fixtures;

    @Test
    @TestSecurity(
            user = "officer-pienza",
            roles = "municipality-officer",
            attributes = @SecurityAttribute(key = "municipality", value = PIENZA))
    void anOfficerEndorsesOnceAndTheNeedBecomesAreaWideAtTheThreshold() {
        UUID id = fixtures.need(NeedStatus.UNDER_REVIEW, SIENA, MONTEPULCIANO);
        given().when().get("/v1/participation/needs/" + id).then().body("areaWide", equalTo(false));

        given().when()
                .post("/v1/participation/needs/" + id + "/endorsements")
                .then()
                .statusCode(200)
                .body("endorsers", hasItem(PIENZA))
                .body("areaWide", equalTo(true))
                .header("ETag", "\"1\"");
        given().when()
                .post("/v1/participation/needs/" + id + "/endorsements")
                .then()
                .statusCode(200)
                .body("endorsers.size()", equalTo(1))
                .header("ETag", "\"1\"");

        assertThat(fixtures.events(id, NeedEndorsed.TYPE)).singleElement().satisfies(e -> {
            assertThat(e.data().get("municipality").asText()).isEqualTo(PIENZA);
            assertThat(e.data().get("endorsers").get(0).asText()).isEqualTo(PIENZA);
        });
        assertThat(fixtures.events(id, NeedBecameAreaWide.TYPE))
                .singleElement()
                .satisfies(e -> assertThat(e.data().get("threshold").asInt()).isEqualTo(3));

        given().queryParam("areaWide", true)
                .queryParam("size", 100)
                .when()
                .get("/v1/participation/needs")
                .then()
                .statusCode(200)
                .body("items.id", hasItem(id.toString()));
        given().queryParam("municipality", PIENZA)
                .queryParam("size", 100)
                .when()
                .get("/v1/participation/needs")
                .then()
                .statusCode(200)
                .body("items.id", hasItem(id.toString()));

        given().when()
                .delete("/v1/participation/needs/" + id + "/endorsements/" + PIENZA)
                .then()
                .statusCode(200)
                .body("endorsers.size()", equalTo(0))
                .body("areaWide", equalTo(false));
        given().when()
                .delete("/v1/participation/needs/" + id + "/endorsements/" + PIENZA)
                .then()
                .statusCode(200);
        assertThat(fixtures.events(id, EndorsementWithdrawn.TYPE)).hasSize(1);
        assertThat(fixtures.events(id, it.ngsiena.contracts.participation.NeedAreaWideEnded.TYPE))
                .singleElement()
                .satisfies(e -> assertThat(e.data().get("endorsers")).isEmpty());
        given().queryParam("areaWide", false)
                .queryParam("size", 100)
                .when()
                .get("/v1/participation/needs")
                .then()
                .statusCode(200)
                .body("items.id", hasItem(id.toString()));
        given().queryParam("areaWide", true)
                .queryParam("size", 100)
                .when()
                .get("/v1/participation/needs")
                .then()
                .statusCode(200)
                .body("items.id", not(hasItem(id.toString())));
    }

    @Test
    @TestSecurity(
            user = "officer-pienza",
            roles = "municipality-officer",
            attributes = @SecurityAttribute(key = "municipality", value = PIENZA))
    void anEndorsementAndItsWithdrawalRecordedAfterwardsAreDatedWhenTheyHappened() {
        OffsetDateTime collected = OffsetDateTime.parse("2022-04-12T10:00:00+02:00");
        UUID id = fixtures.need(collected, NeedStatus.UNDER_REVIEW, SIENA, MONTEPULCIANO);

        // Before the need was collected, or in the future: 422 naming occurredAt; not a time at all: 400.
        for (String when : new String[] {
            "2022-04-01T10:00:00+02:00", OffsetDateTime.now().plusDays(2).toString()
        }) {
            given().queryParam("occurredAt", when)
                    .when()
                    .post("/v1/participation/needs/" + id + "/endorsements")
                    .then()
                    .statusCode(422)
                    .body("violations.field", contains("occurredAt"));
        }
        given().queryParam("occurredAt", "ieri")
                .when()
                .delete("/v1/participation/needs/" + id + "/endorsements/" + PIENZA)
                .then()
                .statusCode(400)
                .body("violations.field", contains("occurredAt"));
        assertThat(fixtures.events(id)).isEmpty();

        given().queryParam("occurredAt", "2022-05-02T10:00:00+02:00")
                .when()
                .post("/v1/participation/needs/" + id + "/endorsements")
                .then()
                .statusCode(200)
                .body("areaWide", equalTo(true));
        given().queryParam("occurredAt", "2022-06-01T10:00:00+02:00")
                .when()
                .delete("/v1/participation/needs/" + id + "/endorsements/" + PIENZA)
                .then()
                .statusCode(200);

        assertThat(fixtures.events(id))
                .extracting(e -> e.type().replace("it.ngsiena.participation.need.", "") + " "
                        + e.time().toInstant())
                .containsExactly(
                        "endorsed.v1 2022-05-02T08:00:00Z",
                        "area-wide.v1 2022-05-02T08:00:00Z",
                        "endorsement-withdrawn.v1 2022-06-01T08:00:00Z",
                        "area-wide-ended.v1 2022-06-01T08:00:00Z");
        assertThat(fixtures.events(id, NeedEndorsed.TYPE))
                .singleElement()
                .satisfies(e -> assertThat(
                                OffsetDateTime.parse(e.data().get("endorsedAt").asText()))
                        .isAtSameInstantAs(OffsetDateTime.parse("2022-05-02T08:00:00Z")));
    }

    @Test
    @TestSecurity(
            user = "officer-siena",
            roles = "municipality-officer",
            attributes = @SecurityAttribute(key = "municipality", value = SIENA))
    void aMunicipalityCannotEndorseItsOwnNeedNorWithdrawAnotherOnesEndorsement() {
        UUID own = fixtures.need(NeedStatus.SUBMITTED, SIENA);
        given().when()
                .post("/v1/participation/needs/" + own + "/endorsements")
                .then()
                .statusCode(409)
                .contentType("application/problem+json");
        UUID rejected = fixtures.need(NeedStatus.REJECTED, CHIUSI);
        given().when()
                .post("/v1/participation/needs/" + rejected + "/endorsements")
                .then()
                .statusCode(409);
        UUID other = fixtures.need(NeedStatus.SUBMITTED, CHIUSI);
        given().when()
                .delete("/v1/participation/needs/" + other + "/endorsements/" + PIENZA)
                .then()
                .statusCode(403);
    }

    @Test
    @TestSecurity(user = "codesign", roles = "participation-partner")
    void aNeedOfThreeMunicipalitiesIsAreaWideFromTheStart() {
        String id = given().contentType(ContentType.JSON)
                .body("""
                        {"title":"Area vasta","description":"Tre comuni","theme":"GOVERNANCE",
                         "municipalities":["052032","052015","052021"]}""")
                .when()
                .post("/v1/participation/needs")
                .then()
                .statusCode(201)
                .body("areaWide", equalTo(true))
                .extract()
                .path("id");
        assertThat(fixtures.events(UUID.fromString(id)))
                .extracting(OutboxProbe.Event::type)
                .containsExactly(NeedSubmitted.TYPE, NeedBecameAreaWide.TYPE);
    }

    @Test
    @TestSecurity(user = "codesign", roles = "participation-partner")
    void partnersDoNotEndorse() {
        UUID id = fixtures.need(NeedStatus.SUBMITTED, CHIUSI);
        given().when()
                .post("/v1/participation/needs/" + id + "/endorsements")
                .then()
                .statusCode(403);
    }
}
