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
        assertThat(progress)
                .anyMatch(line -> line.startsWith("Demo data: 25 programme memberships recorded")
                        || line.startsWith("Demo data: 0 programme memberships recorded"));
    }

    @Test
    void theKickoffsMembersAreTheMembersOnItsDay() {
        JsonPath kickoff = given().queryParam("on", "2022-03-24")
                .when()
                .get(gateway + "/v1/programme/members")
                .then()
                .statusCode(200)
                .body("items", hasSize(24))
                .extract()
                .jsonPath();
        assertThat(kickoff.getString("items.find { it.istatCode == '052032' }.role"))
                .isEqualTo("LEAD");
        assertThat(kickoff.getList("items.role")).containsOnly("LEAD", "MEMBER");
        // one more observed from June 2022
        given().queryParam("on", "2022-07-01")
                .when()
                .get(gateway + "/v1/programme/members")
                .then()
                .statusCode(200)
                .body("items", hasSize(25))
                .body("items.find { it.istatCode == '052026' }.role", equalTo("OBSERVER"));
        given().queryParam("on", "2022-03-24")
                .when()
                .get(gateway + "/v1/programme/kpis")
                .then()
                .statusCode(200)
                .body("members.total", equalTo(24))
                .body("members.byRole.LEAD", equalTo(1))
                .body("members.byRole.MEMBER", equalTo(23));
        given().queryParam("on", "2022-03-24")
                .when()
                .get(gateway + "/v1/municipalities/052032/overview")
                .then()
                .statusCode(200)
                .body("membership.role", equalTo("LEAD"));
    }

    @Test
    void theDemosStudiesCarryTheirPnrrCodesInTheOpenDataAndTheTrace() {
        JsonPath studies = given().when()
                .get(gateway + "/v1/open-data/studies.json")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        String withCup = "items.find { it.CUP == 'X00X22000000002' }";
        assertThat(studies.getString(withCup + ".'Codice Locale Progetto'")).isEqualTo("NGS-DEMO-2022-002");
        assertThat(studies.getString(withCup + ".Missione")).isEqualTo("M1");
        assertThat(studies.getString(withCup + ".Componente")).isEqualTo("M1C1");
        assertThat(studies.getString(withCup + ".'Codice Univoco Misura'")).isEqualTo("M1C1I1.04");
        assertThat(studies.getString(withCup + ".'Codice Univoco Submisura'")).isEqualTo("M1C1I1.04.01");
        assertThat(studies.getString("items.find { it.'Codice Locale Progetto' == 'NGS-DEMO-2022-020' }"
                        + ".'Codice Univoco Submisura'"))
                .isEqualTo("M5C2I1.02.00");

        // the study's need: its trace shows the same codes
        String need = given().when()
                .get(gateway + "/v1/activity?type=it.ngsiena.feasibility.study.project-codes-recorded.v1"
                        + "&limit=100")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getString("items.find { it.data.cup == 'X00X22000000002' }.data.needIds[0]");
        given().when()
                .get(gateway + "/v1/needs/" + need + "/trace")
                .then()
                .statusCode(200)
                .body("studies[0].cup", equalTo("X00X22000000002"))
                .body("studies[0].pnrrSubMeasure", equalTo("M1C1I1.04.01"));
        // the funding split for those who may read it (the feasibility partner)
        String partner = "Bearer "
                + new it.ngsiena.infra.Tokens(RunningPlatform.platform().issuer())
                        .forClient("openimpact-studio", "openimpact-studio-secret");
        given().header("Authorization", partner)
                .when()
                .get(gateway + "/v1/open-data/studies.json")
                .then()
                .statusCode(200)
                .body(withCup + ".'Finanziamento PNRR'", equalTo("180000.00"))
                .body(withCup + ".'Finanziamento Totale'", equalTo("180000.00"));
    }

    @Test
    void theDemosNeedsAreCountedIn2022() {
        Map<String, Integer> perMonth = given().when()
                .get(gateway + "/v1/programme/kpis")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getMap("workstreams.participation.perMonth");
        assertThat(perMonth.keySet()).anyMatch(month -> month.startsWith("2022-"));
    }
}
