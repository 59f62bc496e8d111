package it.ngsiena.participation.need;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import it.ngsiena.participation.support.Fixtures;
import it.ngsiena.testkit.PlatformTestResource;
import jakarta.inject.Inject;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(PlatformTestResource.class)
class NeedBatchTest {

    @Inject
    Fixtures fixtures;

    static String item(String externalId, String title, String municipality) {
        return """
                {"externalId":"%s","need":{"title":"%s","description":"Dal sistema di Co-Design",
                 "theme":"TOURISM_CULTURE","municipalities":["%s"],"origin":"SURVEY"}}""".formatted(externalId, title, municipality);
    }

    static JsonPath push(String... items) {
        return given().urlEncodingEnabled(false)
                .contentType(ContentType.JSON)
                .body("{\"items\":[" + String.join(",", items) + "]}")
                .when()
                .post("/v1/participation/needs:batch")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    @Test
    @TestSecurity(user = "service-account-codesign-hub", roles = "participation-partner")
    void pushingTheSameBatchTwiceChangesNothingAndEachItemHasItsOutcome() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String[] batch = {
            item(run + "-1", "Cammini e borghi", "052021"),
            item(run + "-2", "Musei in rete", "052032"),
            item(run + "-3", "Comune inesistente", "052999"),
            item(run + "-4", "", "052032"),
        };
        JsonPath first = push(batch);
        assertThat(first.getList("results.outcome", String.class))
                .containsExactly("CREATED", "CREATED", "INVALID", "INVALID");
        assertThat(first.getInt("created")).isEqualTo(2);
        assertThat(first.getInt("refused")).isEqualTo(2);
        assertThat(first.getString("results[2].problem.violations[0].field")).isEqualTo("municipalities[0]");
        assertThat(first.getString("results[3].problem.violations[0].field")).isEqualTo("need.title");

        JsonPath second = push(batch);
        assertThat(second.getList("results.outcome", String.class))
                .containsExactly("UNCHANGED", "UNCHANGED", "INVALID", "INVALID");
        assertThat(second.getString("results[0].id")).isEqualTo(first.getString("results[0].id"));
        assertThat(fixtures.events(UUID.fromString(first.getString("results[0].id"))))
                .hasSize(1);

        JsonPath changed = push(item(run + "-1", "Cammini, borghi e terme", "052021"));
        assertThat(changed.getString("results[0].outcome")).isEqualTo("CONFLICT");
    }

    @Test
    @TestSecurity(user = "codesign", roles = "participation-partner")
    void aBatchHasAtMost500Items() {
        String items = IntStream.range(0, 501)
                .mapToObj(i -> item("x-" + i, "t", "052032"))
                .collect(Collectors.joining(","));
        given().urlEncodingEnabled(false)
                .contentType(ContentType.JSON)
                .body("{\"items\":[" + items + "]}")
                .when()
                .post("/v1/participation/needs:batch")
                .then()
                .statusCode(400)
                .body("violations[0].field", equalTo("items"));
    }

    @Test
    @TestSecurity(user = "officer-siena", roles = "municipality-officer")
    void officersDoNotPushBatches() {
        given().urlEncodingEnabled(false)
                .contentType(ContentType.JSON)
                .body("{\"items\":[" + item("o-1", "t", "052032") + "]}")
                .when()
                .post("/v1/participation/needs:batch")
                .then()
                .statusCode(403);
    }
}
