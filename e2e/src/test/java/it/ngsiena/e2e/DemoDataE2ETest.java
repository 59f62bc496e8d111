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

    /**
     * Every event about the demo's records is dated in 2022, the year it tells (so the KPIs of a platform
     * holding only the demo show no later month): no event in the feed from 2023 on is about one of them.
     * The demo's records are found through the API as the admin: its needs (all "Esempio fittizio") and
     * their studies, its workshops, courses and their sessions, and announcements by the seed's titles, and
     * the memberships it records.
     */
    @Test
    void everyEventOfTheDemoIsDatedIn2022() throws Exception {
        String admin = "Bearer "
                + new it.ngsiena.infra.Tokens(RunningPlatform.platform().issuer()).forUser("admin", "admin");
        var seeds = RunningPlatform.root().resolve("seeds");
        var json = new com.fasterxml.jackson.databind.ObjectMapper();
        java.util.Set<String> demo = new java.util.HashSet<>();
        List<String> needs = get(admin, "/v1/participation/needs?size=100&q=Esempio%20fittizio")
                .getList("items.id");
        assertThat(needs).hasSize(33);
        demo.addAll(needs);
        for (String need : needs) {
            demo.addAll(
                    get(admin, "/v1/feasibility/studies?size=100&need=" + need).getList("items.id"));
        }
        demo.addAll(idsByTitle(
                admin, "/v1/participation/workshops?size=100", seeds, "demo-participation.json", "workshops", json));
        List<String> courses =
                idsByTitle(admin, "/v1/training/courses?size=100", seeds, "demo-training.json", "courses", json);
        demo.addAll(courses);
        for (String course : courses) {
            demo.addAll(get(admin, "/v1/training/sessions?size=100&course=" + course)
                    .getList("items.id"));
        }
        demo.addAll(
                idsByTitle(admin, "/v1/comms/announcements?size=100", seeds, "demo-comms.json", "announcements", json));
        json.readTree(seeds.resolve("demo-programme.json").toFile())
                .get("members")
                .forEach(m -> demo.add(m.get("istat").asText()));
        assertThat(demo).hasSizeGreaterThan(33 + 6 + 5 + 7 + 11 + 6);

        List<String> later = new ArrayList<>();
        String next = "/v1/activity?limit=100&from=2023-01-01T00:00:00Z";
        while (next != null) {
            JsonPath page = get(admin, next);
            List<Map<String, Object>> items = page.getList("items");
            items.stream()
                    .filter(item -> demo.contains(String.valueOf(item.get("subject"))))
                    .forEach(item -> later.add(item.get("type") + " " + item.get("subject") + " " + item.get("time")));
            String cursor = page.getString("nextCursor");
            next = cursor == null ? null : "/v1/activity?limit=100&from=2023-01-01T00:00:00Z&cursor=" + cursor;
        }
        assertThat(later).as("events of the demo dated after 2022").isEmpty();
    }

    private static JsonPath get(String token, String path) {
        return given().header("Authorization", token)
                .urlEncodingEnabled(false)
                .when()
                .get(gateway + path)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    /** The ids of the records at {@code path} whose titles are those of the seed's {@code part}. */
    private static List<String> idsByTitle(
            String token,
            String path,
            java.nio.file.Path seeds,
            String seed,
            String part,
            com.fasterxml.jackson.databind.ObjectMapper json)
            throws java.io.IOException {
        java.util.Set<String> titles = new java.util.HashSet<>();
        json.readTree(seeds.resolve(seed).toFile())
                .get(part)
                .forEach(r -> titles.add(r.get("title").asText()));
        List<Map<String, Object>> items = get(token, path).getList("items");
        List<String> ids = items.stream()
                .filter(item -> titles.contains(String.valueOf(item.get("title"))))
                .map(item -> String.valueOf(item.get("id")))
                .toList();
        assertThat(ids).as(part + " of the demo found").hasSizeGreaterThanOrEqualTo(titles.size());
        return ids;
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

    /**
     * The programme's figures over a period: only its months, and the seed's targets against what the demo
     * achieved in it, the same as the events the feed shows for that period.
     */
    @Test
    void theKpisOfAPeriodShowItsMonthsAndTheTargetsAgainstIt() {
        var kpis = given().queryParam("from", "2022-03-01")
                .queryParam("to", "2022-06-30")
                .when()
                .get(gateway + "/v1/programme/kpis")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        for (String workstream : List.of("training", "participation", "feasibility", "comms")) {
            Map<String, Integer> months = kpis.getMap("workstreams." + workstream + ".perMonth");
            assertThat(months.keySet())
                    .as(workstream)
                    .isNotEmpty()
                    .allMatch(m ->
                            List.of("2022-03", "2022-04", "2022-05", "2022-06").contains(m));
        }
        assertThat(kpis.getList("targets.indicator"))
                .contains("NEEDS_COLLECTED", "WORKSHOPS_HELD", "STUDIES_COMPLETED", "TRAINING_ATTENDANCES");
        int needs = kpis.getInt("targets.find { it.indicator == 'NEEDS_COLLECTED' }.achieved");
        // the same needs as the feed lists submitted in the period (days in Rome)
        int listed = given().queryParam("type", "it.ngsiena.participation.need.submitted.v1")
                .queryParam("from", "2022-02-28T23:00:00Z")
                .queryParam("to", "2022-06-30T22:00:00Z")
                .queryParam("limit", 100)
                .when()
                .get(gateway + "/v1/activity")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("items")
                .size();
        assertThat(needs).isPositive().isEqualTo(listed);
        assertThat(kpis.getDouble("targets.find { it.indicator == 'NEEDS_COLLECTED' }.percent"))
                .isEqualTo(Math.round(needs * 1000.0 / 40) / 10.0);
    }
}
