package it.ngsiena.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import io.restassured.path.json.JsonPath;
import it.ngsiena.local.DemoData;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The demo data of the README's first command, loaded by the launcher's own loader into the running
 * platform as {@code ./run} loads it: every loader finishes, and the figures it leaves are the ones the
 * demo promises (the kickoff's members, 2022 dates).
 */
@ExtendWith(RunningPlatform.class)
class DemoDataE2ETest {

    static final List<String> progress = new ArrayList<>();
    static String gateway;

    @BeforeAll
    static void loadTheDemo() {
        gateway = RunningPlatform.platform().gatewayUrl();
        long start = System.nanoTime();
        DemoData.load(RunningPlatform.platform(), RunningPlatform.root().resolve("seeds"), progress::add);
        System.out.printf("[demo] loaded in %d ms: %s%n", (System.nanoTime() - start) / 1_000_000, progress);
    }

    @Test
    void everyLoaderFinishes() {
        assertThat(progress).noneMatch(line -> line.contains("could not be loaded"));
        assertThat(progress).anyMatch(line -> line.startsWith("Demo data: 25 programme memberships recorded")
                || line.startsWith("Demo data: 0 programme memberships recorded"));
    }

    @Test
    void theKickoffsMembersAreTheMembersOnItsDay() {
        JsonPath kickoff = given().queryParam("on", "2022-03-24").when().get(gateway + "/v1/programme/members")
                .then().statusCode(200).body("items", hasSize(24)).extract().jsonPath();
        assertThat(kickoff.getString("items.find { it.istatCode == '052032' }.role")).isEqualTo("LEAD");
        assertThat(kickoff.getList("items.role")).containsOnly("LEAD", "MEMBER");
        // one more observed from June 2022
        given().queryParam("on", "2022-07-01").when().get(gateway + "/v1/programme/members").then().statusCode(200)
                .body("items", hasSize(25))
                .body("items.find { it.istatCode == '052026' }.role", equalTo("OBSERVER"));
        given().queryParam("on", "2022-03-24").when().get(gateway + "/v1/programme/kpis").then().statusCode(200)
                .body("members.total", equalTo(24))
                .body("members.byRole.LEAD", equalTo(1))
                .body("members.byRole.MEMBER", equalTo(23));
        given().queryParam("on", "2022-03-24").when().get(gateway + "/v1/municipalities/052032/overview").then()
                .statusCode(200).body("membership.role", equalTo("LEAD"));
    }

    @Test
    void theDemosNeedsAreCountedIn2022() {
        Map<String, Integer> perMonth = given().when().get(gateway + "/v1/programme/kpis").then().statusCode(200)
                .extract().jsonPath().getMap("workstreams.participation.perMonth");
        assertThat(perMonth.keySet()).anyMatch(month -> month.startsWith("2022-"));
    }
}
