package it.ngsiena.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

import io.restassured.http.ContentType;
import it.ngsiena.infra.Tokens;
import it.ngsiena.local.LocalPlatform;
import it.ngsiena.testkit.ResponseContract;
import it.ngsiena.testkit.TopicProbe;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The first path through the whole platform, as a client sees it: real Keycloak tokens, the gateway,
 * the participation service, PostgreSQL, Kafka, and the gateway's activity feed.
 */
@ExtendWith(RunningPlatform.class)
class PlatformE2ETest {

    static final String SIENA = "052032";
    static final String MONTEPULCIANO = "052015";
    static final String SUBMITTED = "it.ngsiena.participation.need.submitted.v1";

    static LocalPlatform platform;
    static Tokens tokens;
    static String gateway;

    @BeforeAll
    static void usePlatform() {
        platform = RunningPlatform.platform();
        tokens = new Tokens(platform.issuer());
        gateway = platform.gatewayUrl();
    }

    static String need(String title, String... municipalities) {
        return """
                {"title":"%s","description":"Prova end-to-end","theme":"GOVERNANCE","municipalities":[%s]}""".formatted(
                        title,
                        String.join(
                                ",",
                                List.of(municipalities).stream()
                                        .map(m -> "\"" + m + "\"")
                                        .toList()));
    }

    static String user(String name) {
        return "Bearer " + tokens.forUser(name, name);
    }

    /** How many feed entries report the given need. */
    static int inFeed(String token, String needId) {
        List<String> subjects = given().header("Authorization", token)
                .queryParam("type", SUBMITTED)
                .queryParam("limit", 100)
                .when()
                .get(gateway + "/v1/activity")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("items.subject", String.class);
        return (int) subjects.stream().filter(needId::equals).count();
    }

    static void awaitInFeed(String token, String needId) {
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> inFeed(token, needId) > 0);
    }

    @Test
    void withoutAValidTokenTheGatewayAnswers401() {
        given().contentType(ContentType.JSON)
                .body(need("Senza token", SIENA))
                .when()
                .post(gateway + "/v1/participation/needs")
                .then()
                .statusCode(401)
                .contentType("application/problem+json");
        // The gateway checks tokens only where it needs the caller; a bad one is refused either way.
        given().header("Authorization", "Bearer not.a.token")
                .when()
                .get(gateway + "/v1/activity")
                .then()
                .statusCode(401);
        given().header("Authorization", "Bearer not.a.token")
                .when()
                .get(gateway + "/v1/participation/needs")
                .then()
                .statusCode(401);
        // The feed is open to anonymous callers, with the public events only.
        given().when().get(gateway + "/v1/activity").then().statusCode(200);
    }

    @Test
    void aViewerAndAnOfficerOfAnotherMunicipalityAreRefused() {
        given().header("Authorization", user("viewer"))
                .contentType(ContentType.JSON)
                .body(need("Da viewer", SIENA))
                .when()
                .post(gateway + "/v1/participation/needs")
                .then()
                .statusCode(403)
                .contentType("application/problem+json");
        given().header("Authorization", user("officer-montepulciano"))
                .contentType(ContentType.JSON)
                .body(need("Solo per Siena", SIENA))
                .when()
                .post(gateway + "/v1/participation/needs")
                .then()
                .statusCode(403)
                .contentType("application/problem+json")
                .body("detail", containsString(MONTEPULCIANO));
        // An officer speaks for their own municipality only: others join by endorsing.
        given().header("Authorization", user("officer-siena"))
                .contentType(ContentType.JSON)
                .body(need("Siena e Montepulciano", SIENA, MONTEPULCIANO))
                .when()
                .post(gateway + "/v1/participation/needs")
                .then()
                .statusCode(403)
                .contentType("application/problem+json");
    }

    /** A need entered afterwards with the date it was collected counts then: in the feed, the KPIs, the overview. */
    @Test
    void aNeedCollectedInApril2022IsCountedInApril2022() {
        String officer = user("officer-siena");
        long aprilBefore = participationEventsIn("2022-04");
        long needsBefore = given().when()
                .get(gateway + "/v1/municipalities/" + SIENA + "/overview")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getLong("participation.needs");
        String id = given().header("Authorization", officer)
                .contentType(ContentType.JSON)
                .body(need("Raccolto ad aprile 2022", SIENA)
                        .replaceFirst("\\}\\s*$", ", \"occurredAt\": \"2022-04-12T10:00:00+02:00\"}"))
                .when()
                .post(gateway + "/v1/participation/needs")
                .then()
                .statusCode(201)
                .body("submittedAt", startsWith("2022-04-12T08:00"))
                .extract()
                .path("id");

        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> given().header("Authorization", officer)
                        .queryParam("type", SUBMITTED)
                        .queryParam("from", "2022-04-01T00:00:00Z")
                        .queryParam("to", "2022-05-01T00:00:00Z")
                        .queryParam("limit", 100)
                        .when()
                        .get(gateway + "/v1/activity")
                        .then()
                        .statusCode(200)
                        .body("items.find { it.subject == '" + id + "' }.time", startsWith("2022-04-12T08:00")));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(participationEventsIn("2022-04")).isEqualTo(aprilBefore + 1);
            assertThat(given().when()
                            .get(gateway + "/v1/municipalities/" + SIENA + "/overview")
                            .then()
                            .statusCode(200)
                            .extract()
                            .jsonPath()
                            .getLong("participation.needs"))
                    .isEqualTo(needsBefore + 1);
        });

        given().header("Authorization", officer)
                .contentType(ContentType.JSON)
                .body(need("Dal futuro", SIENA)
                        .replaceFirst(
                                "\\}\\s*$",
                                ", \"occurredAt\": \""
                                        + java.time.OffsetDateTime.now().plusDays(2) + "\"}"))
                .when()
                .post(gateway + "/v1/participation/needs")
                .then()
                .statusCode(422)
                .body("violations[0].field", equalTo("occurredAt"));
    }

    /** The participation events the public KPIs count in a month (yyyy-MM). */
    private static long participationEventsIn(String month) {
        Object count = given().when()
                .get(gateway + "/v1/programme/kpis")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .get("workstreams.participation.perMonth.'" + month + "'");
        return count == null ? 0 : ((Number) count).longValue();
    }

    @Test
    void anOfficerOfSienaSubmitsANeedThatAppearsInTheFeed() {
        String token = user("officer-siena");
        var created = given().header("Authorization", token)
                .contentType(ContentType.JSON)
                .body(need("Ufficio europeo condiviso", SIENA))
                .when()
                .post(gateway + "/v1/participation/needs")
                .then()
                .statusCode(201)
                .header("Location", startsWith(gateway + "/v1/participation/needs/"))
                .extract();
        String id = created.path("id");

        given().header("Authorization", token)
                .when()
                .get(created.header("Location"))
                .then()
                .statusCode(200)
                .header("ETag", notNullValue())
                .body("id", equalTo(id));
        awaitInFeed(user("viewer"), id);
        given().header("Authorization", token)
                .queryParam("municipality", SIENA)
                .queryParam("type", SUBMITTED)
                .when()
                .get(gateway + "/v1/activity")
                .then()
                .statusCode(200)
                .body("items.find { it.subject == '" + id + "' }.title", equalTo("Ufficio europeo condiviso"))
                .body("items.find { it.subject == '" + id + "' }.data.submitterOrganisation", equalTo(null));
    }

    @Test
    void partnerSystemsAndMunicipalItUseClientCredentials() {
        given().header("Authorization", "Bearer " + tokens.forClient("codesign-hub", "codesign-hub-secret"))
                .contentType(ContentType.JSON)
                .body(need("Dal sistema di Co-Design", "052001"))
                .when()
                .post(gateway + "/v1/participation/needs")
                .then()
                .statusCode(201);
        String sienaIt = "Bearer " + tokens.forClient("comune-siena-it", "comune-siena-it-secret");
        given().header("Authorization", sienaIt)
                .contentType(ContentType.JSON)
                .body(need("Dall'IT di Siena", SIENA))
                .when()
                .post(gateway + "/v1/participation/needs")
                .then()
                .statusCode(201);
        given().header("Authorization", sienaIt)
                .contentType(ContentType.JSON)
                .body(need("Per Montepulciano", MONTEPULCIANO))
                .when()
                .post(gateway + "/v1/participation/needs")
                .then()
                .statusCode(403);
    }

    @Test
    void aRetriedCreateWithTheSameIdempotencyKeyMakesOneNeedAndOneEvent() throws Exception {
        String token = user("codesign");
        String key = UUID.randomUUID().toString();
        String body = need("Creato una volta sola", SIENA);
        String first = given().header("Authorization", token)
                .header("Idempotency-Key", key)
                .contentType(ContentType.JSON)
                .body(body)
                .when()
                .post(gateway + "/v1/participation/needs")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        String retry = given().header("Authorization", token)
                .header("Idempotency-Key", key)
                .contentType(ContentType.JSON)
                .body(body)
                .when()
                .post(gateway + "/v1/participation/needs")
                .then()
                .statusCode(201)
                .header("Idempotent-Replayed", "true")
                .extract()
                .path("id");
        assertThat(retry).isEqualTo(first);

        awaitInFeed(token, first);
        Thread.sleep(1000);
        assertThat(inFeed(token, first)).isEqualTo(1);
        long events = new TopicProbe(platform.kafkaBootstrapServers())
                .readAll("ngs.participation.v1", Duration.ofSeconds(1)).stream()
                        .filter(r -> first.equals(r.key()))
                        .count();
        assertThat(events).isEqualTo(1);
    }

    @Test
    void aNeedSubmittedWhileKafkaIsDownAppearsOnceKafkaIsBack() throws Exception {
        String token = user("codesign");
        String id;
        platform.stopKafka();
        try {
            id = given().header("Authorization", token)
                    .contentType(ContentType.JSON)
                    .body(need("Durante il guasto di Kafka", SIENA))
                    .when()
                    .post(gateway + "/v1/participation/needs")
                    .then()
                    .statusCode(201)
                    .extract()
                    .path("id");
            Thread.sleep(2000);
            assertThat(inFeed(token, id)).isZero();
        } finally {
            platform.startKafka();
        }
        awaitInFeed(token, id);
        Thread.sleep(1000);
        assertThat(inFeed(token, id)).isEqualTo(1);
    }

    @Test
    void aMalformedRecordGoesToTheDeadLetterTopicAndTheNextEventStillArrives() {
        TopicProbe topics = new TopicProbe(platform.kafkaBootstrapServers());
        String poisonKey = "poison-" + UUID.randomUUID();
        topics.send("ngs.participation.v1", poisonKey, "this is not a CloudEvent".getBytes(StandardCharsets.UTF_8));

        String token = user("codesign");
        String id = given().header("Authorization", token)
                .contentType(ContentType.JSON)
                .body(need("Dopo il record guasto", SIENA))
                .when()
                .post(gateway + "/v1/participation/needs")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        awaitInFeed(token, id);
        var dead = topics.await("ngs.participation.v1.dlq", r -> poisonKey.equals(r.key()), Duration.ofSeconds(30));
        assertThat(new String(dead.value(), StandardCharsets.UTF_8)).isEqualTo("this is not a CloudEvent");
    }

    @Test
    void aValidationErrorThroughTheGatewayReadsInItalianOrEnglishByAcceptLanguage() {
        String officer = user("officer-siena");
        String bad = "{\"title\":\"\",\"description\":\"x\",\"theme\":\"MOBILITY\",\"municipalities\":[\"05203X\"]}";
        given().header("Authorization", officer)
                .header("Accept-Language", "it")
                .contentType(ContentType.JSON)
                .body(bad)
                .when()
                .post(gateway + "/v1/participation/needs")
                .then()
                .statusCode(400)
                .header("Content-Language", "it")
                .body("type", equalTo("urn:ngsiena:problem:validation"))
                .body("title", equalTo("Richiesta non valida"))
                .body(
                        "violations.find { it.field == 'municipalities[0]' }.message",
                        equalTo("deve essere un codice ISTAT di 6 cifre"));
        given().header("Authorization", officer)
                .header("Accept-Language", "en")
                .contentType(ContentType.JSON)
                .body(bad)
                .when()
                .post(gateway + "/v1/participation/needs")
                .then()
                .statusCode(400)
                .header("Content-Language", "en")
                .body("type", equalTo("urn:ngsiena:problem:validation"))
                .body("title", equalTo("Invalid request"))
                .body(
                        "violations.find { it.field == 'municipalities[0]' }.message",
                        equalTo("must be a 6-digit ISTAT code"));
    }

    /** The token's subject (sub): what the platform records as who acted, and never a name. */
    static String subjectOf(String bearer) {
        String payload = bearer.substring("Bearer ".length()).split("\\.")[1];
        return io.restassured.path.json.JsonPath.from(new String(
                        java.util.Base64.getUrlDecoder().decode(payload), java.nio.charset.StandardCharsets.UTF_8))
                .getString("sub");
    }

    /**
     * The need's and the abandoned study's histories name who did each move (the account, its client and role,
     * from the tokens of the path), or the platform itself for the moves it made in reaction; the admin's audit
     * feed finds the partner's moves by account, and nobody else may read it.
     */
    private void whoDidWhatIsOnRecord(String hub, String partner, String tool, String need, String abandonedStudy) {
        String codesign = subjectOf(partner);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            var history = given().header("Authorization", partner)
                    .queryParam("limit", 100)
                    .when()
                    .get(gateway + "/v1/needs/" + need + "/history")
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath();
            assertThat(history.getString("items.find { it.type.endsWith('need.submitted.v1') }.actor.client"))
                    .isEqualTo("codesign-hub");
            assertThat(history.getString("items.find { it.type.endsWith('need.submitted.v1') }.actor.subject"))
                    .isEqualTo(subjectOf(hub));
            assertThat(history.getString("items.find { it.type.endsWith('need.endorsed.v1') }.actor.role"))
                    .isEqualTo("municipality-officer");
            assertThat(history.getString("items.find { it.type.endsWith('need.prioritised.v1') }.actor.subject"))
                    .isEqualTo(codesign);
            assertThat(history.getString("items.find { it.type.endsWith('need.prioritised.v1') }.actor.client"))
                    .isEqualTo("ngs-cli");
            assertThat(history.getString("items.find { it.data.to == 'FEASIBILITY_ABANDONED' }.actor.role"))
                    .isEqualTo("system");
            assertThat(history.getString("items.find { it.data.to == 'FEASIBILITY_ABANDONED' }.actor.client"))
                    .isEqualTo("participation-service");
        });
        var study = given().header("Authorization", tool)
                .when()
                .get(gateway + "/v1/studies/" + abandonedStudy + "/history")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(study.getList("items.type", String.class))
                .containsSubsequence(
                        "it.ngsiena.feasibility.study.requested.v1",
                        "it.ngsiena.feasibility.study.started.v1",
                        "it.ngsiena.feasibility.study.abandoned.v1");
        assertThat(study.getString("items.find { it.type.endsWith('study.requested.v1') }.actor.client"))
                .isEqualTo("feasibility-service");
        assertThat(study.getString("items.find { it.type.endsWith('study.abandoned.v1') }.actor.client"))
                .isEqualTo("openimpact-studio");
        given().when()
                .get(gateway + "/v1/studies/" + abandonedStudy + "/history")
                .then()
                .statusCode(200)
                .body(
                        "items.type",
                        org.hamcrest.Matchers.not(
                                org.hamcrest.Matchers.hasItem("it.ngsiena.feasibility.study.abandoned.v1")))
                .body("items.actor.subject", org.hamcrest.Matchers.everyItem(org.hamcrest.Matchers.nullValue()));

        given().header("Authorization", user("admin"))
                .queryParam("actor", codesign)
                .queryParam("limit", 100)
                .when()
                .get(gateway + "/v1/admin/audit")
                .then()
                .statusCode(200)
                .body("items.subject", org.hamcrest.Matchers.hasItem(need))
                .body("items.actor.subject", org.hamcrest.Matchers.everyItem(equalTo(codesign)));
        given().header("Authorization", partner)
                .when()
                .get(gateway + "/v1/admin/audit")
                .then()
                .statusCode(403);
    }

    @Test
    void theParticipationPathThroughTheGatewayFromBatchToFeasibility() {
        String hub = "Bearer " + tokens.forClient("codesign-hub", "codesign-hub-secret");
        String externalId = "e2e-" + UUID.randomUUID();
        String id = given().header("Authorization", hub)
                .contentType(ContentType.JSON)
                .urlEncodingEnabled(false)
                .body("{\"items\":[{\"externalId\":\"" + externalId + "\",\"need\":" + need("Dal laboratorio", SIENA)
                        + "}]}")
                .when()
                .post(gateway + "/v1/participation/needs:batch")
                .then()
                .statusCode(200)
                .body("results[0].outcome", equalTo("CREATED"))
                .extract()
                .path("results[0].id");

        given().header("Authorization", user("officer-montepulciano"))
                .when()
                .post(gateway + "/v1/participation/needs/" + id + "/endorsements")
                .then()
                .statusCode(200)
                .body("endorsers[0]", equalTo(MONTEPULCIANO));
        String partner = user("codesign");
        given().header("Authorization", partner)
                .when()
                .post(gateway + "/v1/participation/needs/" + id + "/review")
                .then()
                .statusCode(200)
                .body("status", equalTo("UNDER_REVIEW"));
        given().header("Authorization", partner)
                .contentType(ContentType.JSON)
                .body("{\"rationale\":\"Prova e2e\"}")
                .when()
                .post(gateway + "/v1/participation/needs/" + id + "/prioritise")
                .then()
                .statusCode(200)
                .body("status", equalTo("PRIORITISED"));
        // No way back to review; by now the feasibility service may already have moved it on (its study).
        given().header("Authorization", partner)
                .when()
                .post(gateway + "/v1/participation/needs/" + id + "/review")
                .then()
                .statusCode(409)
                .body("currentStatus", org.hamcrest.Matchers.oneOf("PRIORITISED", "IN_FEASIBILITY"));

        // The feasibility service opens the study by itself; Open Impact's tool completes it.
        String tool = "Bearer " + tokens.forClient("openimpact-studio", "openimpact-studio-secret");
        String firstStudy = await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(200))
                .until(
                        () -> given().header("Authorization", tool)
                                .queryParam("need", id)
                                .when()
                                .get(gateway + "/v1/feasibility/studies")
                                .then()
                                .statusCode(200)
                                .extract()
                                .<String>path("items[0].id"),
                        java.util.Objects::nonNull);
        String study = firstStudy;
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> given().header("Authorization", partner)
                        .when()
                        .get(gateway + "/v1/participation/needs/" + id)
                        .then()
                        .statusCode(200)
                        .body("status", equalTo("IN_FEASIBILITY"))
                        .body("studyId", equalTo(firstStudy)));
        given().header("Authorization", user("officer-siena"))
                .when()
                .get(gateway + "/v1/feasibility/studies/" + study)
                .then()
                .statusCode(200)
                .body("status", equalTo("REQUESTED"))
                .body("needIds[0]", equalTo(id));
        given().header("Authorization", user("officer-montepulciano"))
                .when()
                .get(gateway + "/v1/feasibility/studies/" + study)
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
        given().header("Authorization", partner)
                .contentType(ContentType.JSON)
                .body("{}")
                .when()
                .post(gateway + "/v1/feasibility/studies/" + study + "/start")
                .then()
                .statusCode(403);
        given().header("Authorization", tool)
                .contentType(ContentType.JSON)
                .body("{\"leadOrganisation\":\"Open Impact\"}")
                .when()
                .post(gateway + "/v1/feasibility/studies/" + study + "/start")
                .then()
                .statusCode(200)
                .body("status", equalTo("IN_PROGRESS"));

        // The first study is abandoned: the need comes back with the reason, and a new study takes it on.
        given().header("Authorization", tool)
                .contentType(ContentType.JSON)
                .body("{\"reason\":\"Il capofila ha cambiato ambito\"}")
                .when()
                .post(gateway + "/v1/feasibility/studies/" + study + "/abandon")
                .then()
                .statusCode(200)
                .body("status", equalTo("ABANDONED"));
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> given().header("Authorization", partner)
                        .when()
                        .get(gateway + "/v1/participation/needs/" + id)
                        .then()
                        .statusCode(200)
                        .body("status", equalTo("FEASIBILITY_ABANDONED"))
                        .body("statusLabelIt", equalTo("Studio di fattibilità abbandonato"))
                        .body("answer", equalTo("Il capofila ha cambiato ambito"))
                        .body("studyId", equalTo(firstStudy)));
        String newStudy = "{\"title\":\"Navetta, secondo studio\",\"needIds\":[\"" + id + "\"],\"municipalities\":[\""
                + SIENA + "\"],\"leadOrganisation\":\"Open Impact\"}";
        study = given().header("Authorization", tool)
                .contentType(ContentType.JSON)
                .body(newStudy)
                .when()
                .post(gateway + "/v1/feasibility/studies")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        given().header("Authorization", tool)
                .contentType(ContentType.JSON)
                .body(newStudy)
                .when()
                .post(gateway + "/v1/feasibility/studies")
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("studyId", equalTo(study));
        String second = study;
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> given().header("Authorization", partner)
                        .when()
                        .get(gateway + "/v1/participation/needs/" + id)
                        .then()
                        .statusCode(200)
                        .body("status", equalTo("IN_FEASIBILITY"))
                        .body("studyId", equalTo(second)));
        given().header("Authorization", tool)
                .contentType(ContentType.JSON)
                .body("{}")
                .when()
                .post(gateway + "/v1/feasibility/studies/" + study + "/start")
                .then()
                .statusCode(200)
                .body("status", equalTo("IN_PROGRESS"));
        given().header("Authorization", tool)
                .contentType(ContentType.JSON)
                .body("{\"kind\":\"PNRR\",\"pnrrComponent\":\"M1C1\",\"amountEur\":99999.99,\"status\":\"APPLIED\"}")
                .when()
                .post(gateway + "/v1/feasibility/studies/" + study + "/funding-sources")
                .then()
                .statusCode(201);
        given().header("Authorization", tool)
                .contentType(ContentType.JSON)
                .body("{\"verdict\":\"FEASIBLE\",\"estimatedCostEur\":125000.50,\"summary\":\"Prova e2e\"}")
                .when()
                .post(gateway + "/v1/feasibility/studies/" + study + "/complete")
                .then()
                .statusCode(200)
                .body("status", equalTo("COMPLETED"));
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> given().header("Authorization", partner)
                        .when()
                        .get(gateway + "/v1/participation/needs/" + id)
                        .then()
                        .statusCode(200)
                        .body("status", equalTo("ASSESSED"))
                        .body("studyVerdict", equalTo("FEASIBLE")));
        // The trace keeps both studies: the abandoned one with its reason, then the completed one.
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> given().header("Authorization", partner)
                        .when()
                        .get(gateway + "/v1/needs/" + id + "/trace")
                        .then()
                        .statusCode(200)
                        .body("need.status", equalTo("ASSESSED"))
                        .body("studies.studyId", contains(firstStudy, second))
                        .body("studies.status", contains("ABANDONED", "COMPLETED"))
                        .body("studies[0].reason", equalTo("Il capofila ha cambiato ambito")));
        whoDidWhatIsOnRecord(hub, partner, tool, id, firstStudy);
        given().header("Authorization", user("officer-siena"))
                .when()
                .get(gateway + "/v1/feasibility/summaries/municipalities/" + SIENA)
                .then()
                .statusCode(200)
                .body("byVerdict.FEASIBLE", org.hamcrest.Matchers.greaterThanOrEqualTo(1));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            List<String> types = given().header("Authorization", partner)
                    .queryParam("workstream", "participation")
                    .queryParam("limit", 100)
                    .when()
                    .get(gateway + "/v1/activity")
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath()
                    .getList("items.findAll { it.subject == '" + id + "' }.type", String.class);
            assertThat(types)
                    .contains(
                            "it.ngsiena.participation.need.endorsed.v1",
                            "it.ngsiena.participation.need.prioritised.v1",
                            "it.ngsiena.participation.need.status-changed.v1");
        });
    }

    /** Public event types: what an anonymous trace may hold (the contracts' Visibility.PUBLIC and public announcements). */
    static final java.util.Set<String> PUBLIC_TYPES = java.util.Set.of(
            SUBMITTED,
            "it.ngsiena.participation.need.prioritised.v1",
            "it.ngsiena.participation.need.area-wide.v1",
            "it.ngsiena.feasibility.study.requested.v1",
            "it.ngsiena.feasibility.study.completed.v1",
            "it.ngsiena.comms.announcement.published.v1");

    /**
     * The gateway's read models with real tokens show each caller what the owning services would show them:
     * a Siena participant's enrolment and certificate, and a Siena study's start, funding and abandonment,
     * stay out of Montepulciano's officer's feed and stream and out of an anonymous trace; the admin sees all.
     */
    @Test
    void theReadModelsShowEachCallerOnlyWhatTheServicesWouldShowThem() throws Exception {
        String lms = "Bearer " + tokens.forClient("euronike-lms", "euronike-lms-secret");
        String sienaOfficer = user("officer-siena");
        String course = given().header("Authorization", lms)
                .contentType(ContentType.JSON)
                .body(
                        "{\"title\":\"Riservatezza (e2e)\",\"topic\":\"PNRR\",\"description\":\"Prova\",\"plannedHours\":1}")
                .when()
                .post(gateway + "/v1/training/courses")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        String session = given().header("Authorization", lms)
                .contentType(ContentType.JSON)
                .body(
                        "{\"title\":\"Seminario riservatezza\",\"format\":\"ONLINE_SEMINAR\",\"startsAt\":\"2022-06-01T10:00:00Z\","
                                + "\"endsAt\":\"2022-06-01T11:00:00Z\",\"meetingLink\":\"https://meet.example.org/r\",\"capacity\":10}")
                .when()
                .post(gateway + "/v1/training/courses/" + course + "/sessions")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        String person = given().header("Authorization", sienaOfficer)
                .contentType(ContentType.JSON)
                .body("{\"givenName\":\"Anna\",\"familyName\":\"Bianchi\",\"email\":\"" + UUID.randomUUID()
                        + "@comune.siena.example.it\",\"municipality\":\"052032\",\"role\":\"EMPLOYEE\"}")
                .when()
                .post(gateway + "/v1/training/participants")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        given().header("Authorization", sienaOfficer)
                .contentType(ContentType.JSON)
                .body("{\"participantId\":\"" + person + "\"}")
                .when()
                .post(gateway + "/v1/training/sessions/" + session + "/enrolments")
                .then()
                .statusCode(201);

        String partner = user("codesign");
        String need = given().header("Authorization", partner)
                .contentType(ContentType.JSON)
                .body(need("Riservatezza dello studio", SIENA))
                .when()
                .post(gateway + "/v1/participation/needs")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        given().header("Authorization", partner)
                .when()
                .post(gateway + "/v1/participation/needs/" + need + "/review")
                .then()
                .statusCode(200);
        given().header("Authorization", partner)
                .contentType(ContentType.JSON)
                .body("{\"rationale\":\"Prova\"}")
                .when()
                .post(gateway + "/v1/participation/needs/" + need + "/prioritise")
                .then()
                .statusCode(200);
        String tool = "Bearer " + tokens.forClient("openimpact-studio", "openimpact-studio-secret");
        String study = await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(200))
                .until(
                        () -> given().header("Authorization", tool)
                                .queryParam("need", need)
                                .when()
                                .get(gateway + "/v1/feasibility/studies")
                                .then()
                                .statusCode(200)
                                .extract()
                                .<String>path("items[0].id"),
                        java.util.Objects::nonNull);
        given().header("Authorization", tool)
                .contentType(ContentType.JSON)
                .body("{\"leadOrganisation\":\"Open Impact\"}")
                .when()
                .post(gateway + "/v1/feasibility/studies/" + study + "/start")
                .then()
                .statusCode(200);
        given().header("Authorization", tool)
                .contentType(ContentType.JSON)
                .body("{\"kind\":\"PNRR\",\"pnrrComponent\":\"M1C1\",\"amountEur\":77777.77,\"status\":\"APPLIED\"}")
                .when()
                .post(gateway + "/v1/feasibility/studies/" + study + "/funding-sources")
                .then()
                .statusCode(201);
        given().header("Authorization", tool)
                .contentType(ContentType.JSON)
                .body("{\"reason\":\"Motivo riservato\"}")
                .when()
                .post(gateway + "/v1/feasibility/studies/" + study + "/abandon")
                .then()
                .statusCode(200);
        // Last, a public event that everyone sees: once it is in the feed, everything before it is too.
        String marker = given().header("Authorization", partner)
                .contentType(ContentType.JSON)
                .body(need("Marcatore di riservatezza", MONTEPULCIANO))
                .when()
                .post(gateway + "/v1/participation/needs")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        String admin = user("admin");
        awaitInFeed(admin, marker);

        // The admin sees it all.
        String adminFeed = feedOfSiena(admin);
        assertThat(adminFeed)
                .contains(
                        person,
                        "it.ngsiena.training.participant.enrolled.v1",
                        "it.ngsiena.feasibility.funding-source.added.v1",
                        "it.ngsiena.feasibility.study.abandoned.v1");
        // Montepulciano's officer: Siena's people and non-public funding stay out of the feed and the stream.
        String montepulciano = user("officer-montepulciano");
        String theirFeed = feedOfSiena(montepulciano);
        assertThat(theirFeed)
                .contains(need)
                .doesNotContain(
                        person,
                        "participant.enrolled",
                        "certificate.issued",
                        "funding-source",
                        "study.abandoned",
                        "study.started");
        String theirStream = streamUntil(montepulciano, marker);
        assertThat(theirStream).contains(marker).doesNotContain(person, "funding-source", "study.abandoned");
        assertThat(streamUntil(admin, marker)).contains(person, "funding-source");

        // An anonymous trace of the need whose study was abandoned: public events only.
        List<String> anonymous = given().when()
                .get(gateway + "/v1/needs/" + need + "/trace")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("timeline.type", String.class);
        assertThat(anonymous).contains(SUBMITTED, "it.ngsiena.feasibility.study.requested.v1");
        assertThat(anonymous).allSatisfy(type -> assertThat(PUBLIC_TYPES).contains(type));
        // Siena's officer reads the study from the feasibility service, so the trace shows them all of it.
        given().header("Authorization", sienaOfficer)
                .when()
                .get(gateway + "/v1/needs/" + need + "/trace")
                .then()
                .statusCode(200)
                .body(
                        "timeline.type",
                        org.hamcrest.Matchers.hasItems(
                                "it.ngsiena.feasibility.study.abandoned.v1",
                                "it.ngsiena.feasibility.funding-source.added.v1"));
    }

    /** The feed of Siena's events as the caller sees it, as one JSON text. */
    private static String feedOfSiena(String token) {
        return given().header("Authorization", token)
                .queryParam("municipality", SIENA)
                .queryParam("limit", 100)
                .when()
                .get(gateway + "/v1/activity")
                .then()
                .statusCode(200)
                .extract()
                .asString();
    }

    /** The live stream as the caller sees it, from its beginning until the event about {@code subject} arrives. */
    private static String streamUntil(String token, String subject) throws Exception {
        var connection =
                (java.net.HttpURLConnection) new java.net.URL(gateway + "/v1/activity/stream").openConnection();
        connection.setRequestProperty("Accept", "text/event-stream");
        connection.setRequestProperty("Authorization", token);
        connection.setRequestProperty("Last-Event-ID", "0");
        connection.setReadTimeout(20_000);
        StringBuilder seen = new StringBuilder();
        try (var reader = new java.io.BufferedReader(
                new java.io.InputStreamReader(connection.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                seen.append(line).append('\n');
                if (line.startsWith("data:") && line.contains("\"subject\":\"" + subject + "\"")) {
                    break;
                }
            }
        } finally {
            connection.disconnect();
        }
        return seen.toString();
    }

    /** A token the realm issued to another of its clients (admin-cli) carries no platform audience: refused. */
    @Test
    void aTokenForAnotherClientOfTheRealmIsRefused() {
        String foreign = "Bearer " + tokens.forUserThrough("admin-cli", "officer-siena", "officer-siena");
        given().header("Authorization", foreign)
                .when()
                .get(gateway + "/v1/activity")
                .then()
                .statusCode(401);
        given().header("Authorization", foreign)
                .when()
                .get(gateway + "/v1/participation/needs")
                .then()
                .statusCode(401);
        given().header("Authorization", foreign)
                .contentType(ContentType.JSON)
                .body(need("Da admin-cli", SIENA))
                .when()
                .post(gateway + "/v1/participation/needs")
                .then()
                .statusCode(401);
        // The same user through the platform's client is accepted.
        given().header("Authorization", user("officer-siena"))
                .when()
                .get(gateway + "/v1/participation/needs")
                .then()
                .statusCode(200)
                .header("X-RateLimit-Limit", notNullValue());
    }

    @Test
    void theTrainingPathThroughTheGatewayFromTheLmsToAVerifiedCertificate() throws Exception {
        String lms = "Bearer " + tokens.forClient("euronike-lms", "euronike-lms-secret");
        String officer = user("officer-siena");
        String course = given().header("Authorization", lms)
                .contentType(ContentType.JSON)
                .body("""
                        {"title":"PNRR: bandi e rendicontazione (e2e)","topic":"PNRR","description":"Prova end-to-end",
                         "plannedHours":2}""")
                .when()
                .post(gateway + "/v1/training/courses")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        String session = given().header("Authorization", lms)
                .contentType(ContentType.JSON)
                .body("""
                        {"title":"Seminario online (e2e)","format":"ONLINE_SEMINAR","startsAt":"2022-05-05T10:00:00+02:00",
                         "endsAt":"2022-05-05T12:00:00+02:00","meetingLink":"https://meet.example.org/e2e","capacity":30}""")
                .when()
                .post(gateway + "/v1/training/courses/" + course + "/sessions")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        // The officer registers and enrols their own staff; another municipality's officer cannot see them.
        String person = given().header("Authorization", officer)
                .contentType(ContentType.JSON)
                .body("""
                        {"givenName":"Giulia","familyName":"Rossi","email":"%s@comune.siena.example.it",
                         "municipality":"052032","role":"EMPLOYEE"}""".formatted(UUID.randomUUID()))
                .when()
                .post(gateway + "/v1/training/participants")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        given().header("Authorization", user("officer-montepulciano"))
                .when()
                .get(gateway + "/v1/training/participants/" + person)
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
        given().header("Authorization", officer)
                .contentType(ContentType.JSON)
                .body("{\"participantId\":\"" + person + "\"}")
                .when()
                .post(gateway + "/v1/training/sessions/" + session + "/enrolments")
                .then()
                .statusCode(201)
                .body("status", equalTo("ENROLLED"));
        given().header("Authorization", officer)
                .contentType(ContentType.JSON)
                .body("{\"deliveredHours\":2}")
                .when()
                .post(gateway + "/v1/training/sessions/" + session + "/held")
                .then()
                .statusCode(403);

        given().header("Authorization", lms)
                .contentType(ContentType.JSON)
                .body("{\"deliveredHours\":2,\"attendance\":[{\"participantId\":\"" + person
                        + "\",\"hoursAttended\":2}]}")
                .when()
                .post(gateway + "/v1/training/sessions/" + session + "/held")
                .then()
                .statusCode(200)
                .body("status", equalTo("HELD"));

        // The session's history: scheduled by the LMS, held by the LMS (public moves, readable by anyone).
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> given().when()
                        .get(gateway + "/v1/sessions/" + session + "/history")
                        .then()
                        .statusCode(200)
                        .body(
                                "items.type",
                                org.hamcrest.Matchers.hasItems(
                                        "it.ngsiena.training.session.scheduled.v1",
                                        "it.ngsiena.training.session.held.v1"))
                        .body(
                                "items.find { it.type.endsWith('session.held.v1') }.actor.client",
                                equalTo("euronike-lms"))
                        .body(
                                "items.find { it.type.endsWith('session.held.v1') }.actor.role",
                                equalTo("training-partner")));
        // The certificate: listed in the officer's export, verified publicly with initials only.
        String code = given().header("Authorization", officer)
                .when()
                .get(gateway + "/v1/training/participants/" + person + "/export")
                .then()
                .statusCode(200)
                .body("certificates.size()", equalTo(1))
                .extract()
                .path("certificates[0].code");
        given().when()
                .get(gateway + "/v1/training/certificates/" + code)
                .then()
                .statusCode(200)
                .body("participantInitials", equalTo("G. R."))
                .body("$", not(hasKey("email")));
        given().when()
                .get(gateway + "/v1/training/calendar?course=" + course)
                .then()
                .statusCode(200)
                .body("items[0].status", equalTo("HELD"))
                .body("items[0]", not(hasKey("meetingLink")));
        given().header("Authorization", officer)
                .when()
                .get(gateway + "/v1/training/reports/municipalities/052032")
                .then()
                .statusCode(200)
                .body("certificates", org.hamcrest.Matchers.greaterThanOrEqualTo(1));

        // The held event reaches the gateway's feed with the Siena totals and no personal data.
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(200))
                .untilAsserted(() -> given().header("Authorization", user("viewer"))
                        .queryParam("type", "it.ngsiena.training.session.held.v1")
                        .queryParam("limit", 100)
                        .when()
                        .get(gateway + "/v1/activity")
                        .then()
                        .statusCode(200)
                        .body(
                                "items.find { it.subject == '" + session + "' }.data.attendance[0].municipality",
                                equalTo("052032"))
                        .body(
                                "items.find { it.subject == '" + session + "' }.data.toString()",
                                not(containsString("Rossi"))));

        // The officer downloads the certificate as a PDF through the gateway: its QR code is the public URL
        // that verifies it; once the LMS revokes it, the same URL says so.
        byte[] pdf = given().header("Authorization", officer)
                .when()
                .get(gateway + "/v1/training/certificates/" + code + "/document")
                .then()
                .statusCode(200)
                .contentType("application/pdf")
                .extract()
                .asByteArray();
        it.ngsiena.testkit.CertificatePdf read = it.ngsiena.testkit.CertificatePdf.read(pdf);
        assertThat(read.text()).contains("Giulia Rossi").contains(code);
        assertThat(read.qrCode()).isEqualTo(gateway + "/v1/training/certificates/" + code);
        given().when().get(read.qrCode()).then().statusCode(200).body("status", equalTo("VALID"));
        given().header("Authorization", lms)
                .contentType(ContentType.JSON)
                .body("{\"reason\":\"Attestato rilasciato per errore (e2e)\"}")
                .when()
                .post(gateway + "/v1/training/certificates/" + code + "/revoke")
                .then()
                .statusCode(200);
        given().when()
                .get(read.qrCode())
                .then()
                .statusCode(200)
                .body("status", equalTo("REVOKED"))
                .body("revocationReason", equalTo("Attestato rilasciato per errore (e2e)"));
    }

    @Test
    void theCommsPathThroughTheGatewayFromAScheduledSessionToANewsletterReadBackOverSmtp() throws Exception {
        String cms = "Bearer " + tokens.forClient("ananse-cms", "ananse-cms-secret");
        String lms = "Bearer " + tokens.forClient("euronike-lms", "euronike-lms-secret");
        // A session scheduled by the LMS becomes a calendar entry and a draft for the editors.
        String course = given().header("Authorization", lms)
                .contentType(ContentType.JSON)
                .body("{\"title\":\"Comunicazione (e2e)\",\"topic\":\"COMMUNICATION_LEADERSHIP\","
                        + "\"description\":\"Prova\",\"plannedHours\":4}")
                .when()
                .post(gateway + "/v1/training/courses")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        String session = given().header("Authorization", lms)
                .contentType(ContentType.JSON)
                .body(
                        "{\"title\":\"Laboratorio e2e\",\"format\":\"CAPACITY_LAB\",\"startsAt\":\"2022-11-10T09:00:00+01:00\","
                                + "\"endsAt\":\"2022-11-10T13:00:00+01:00\",\"venue\":\"Siena\",\"capacity\":20}")
                .when()
                .post(gateway + "/v1/training/courses/" + course + "/sessions")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(200))
                .untilAsserted(() -> assertThat(given().when()
                                .get(gateway + "/v1/comms/calendar.ics")
                                .then()
                                .statusCode(200)
                                .extract()
                                .asString())
                        .contains("training-session-" + session + "@ngsiena.it"));
        String draft = await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(200))
                .until(
                        () -> given().header("Authorization", cms)
                                .queryParam("status", "DRAFT")
                                .queryParam("language", "it")
                                .queryParam("size", 100)
                                .when()
                                .get(gateway + "/v1/comms/announcements")
                                .then()
                                .statusCode(200)
                                .extract()
                                .<String>path("items.find { it.references[0]?.id == '" + session + "' }.id"),
                        java.util.Objects::nonNull);
        given().when().get(gateway + "/v1/comms/announcements/" + draft).then().statusCode(404);
        given().header("Authorization", cms)
                .when()
                .post(gateway + "/v1/comms/announcements/" + draft + "/publish")
                .then()
                .statusCode(200);
        given().when()
                .get(gateway + "/v1/comms/announcements/" + draft)
                .then()
                .statusCode(200)
                .body("title", equalTo("In programma: Laboratorio e2e"));
        // The English draft written with it is its translation.
        given().header("Authorization", cms)
                .queryParam("translationOf", draft)
                .when()
                .get(gateway + "/v1/comms/announcements")
                .then()
                .statusCode(200)
                .body("items.language", contains("en"))
                .body("items[0].title", equalTo("Coming up: Laboratorio e2e"));
        // Drafted by the platform from the session's event, published by Ananse's system: both on record.
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> given().header("Authorization", cms)
                        .when()
                        .get(gateway + "/v1/announcements/" + draft + "/history")
                        .then()
                        .statusCode(200)
                        .body(
                                "items.type",
                                contains(
                                        "it.ngsiena.comms.announcement.drafted.v1",
                                        "it.ngsiena.comms.announcement.published.v1"))
                        .body("items.actor.client", contains("comms-service", "ananse-cms"))
                        .body("items[0].actor.role", equalTo("system")));

        // Double opt-in and a newsletter, over the launcher's real SMTP server.
        String email = "e2e-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
        given().contentType(ContentType.JSON)
                .body("{\"email\":\"" + email + "\",\"language\":\"it\"}")
                .when()
                .post(gateway + "/v1/comms/subscribers")
                .then()
                .statusCode(202);
        var confirmation = await().atMost(Duration.ofSeconds(30))
                .until(() -> mailTo(email), m -> !m.isEmpty())
                .get(0);
        java.util.regex.Matcher link = java.util.regex.Pattern.compile(
                        "(http\\S+/v1/comms/subscribers/confirm\\?token=[\\w-]+)")
                .matcher(com.icegreen.greenmail.util.GreenMailUtil.getBody(confirmation)
                        .replace("=\r\n", "")
                        .replace("=3D", "="));
        assertThat(link.find()).isTrue();
        assertThat(link.group(1)).startsWith(gateway);
        given().when().get(link.group(1)).then().statusCode(200).body("status", equalTo("CONFIRMED"));
        String newsletter = given().header("Authorization", cms)
                .contentType(ContentType.JSON)
                .body("{\"subject\":\"Novità e2e\",\"language\":\"it\"}")
                .when()
                .post(gateway + "/v1/comms/newsletters")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        given().header("Authorization", cms)
                .when()
                .post(gateway + "/v1/comms/newsletters/" + newsletter + "/send")
                .then()
                .statusCode(200)
                .body("status", equalTo("SENT"));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> mailTo(email).stream().anyMatch(m -> {
                    try {
                        return m.getSubject().equals("Novità e2e")
                                && com.icegreen.greenmail.util.GreenMailUtil.getBody(m)
                                        .contains("Laboratorio e2e");
                    } catch (Exception e) {
                        return false;
                    }
                }));
    }

    private static List<jakarta.mail.internet.MimeMessage> mailTo(String email) {
        return java.util.Arrays.stream(platform.mailServer().getReceivedMessages())
                .filter(m -> {
                    try {
                        return m.getAllRecipients()[0].toString().equals(email);
                    } catch (Exception e) {
                        return false;
                    }
                })
                .toList();
    }

    @Test
    void healthMetricsAndOpenApiAreOnTheManagementPortsOnly() {
        for (String service : List.of("training", "participation", "feasibility", "comms", "gateway")) {
            String api = service.equals("gateway") ? gateway : platform.serviceUrl(service);
            String management = platform.managementUrl(service);
            for (String path : List.of("/q/health/ready", "/q/metrics", "/q/openapi")) {
                given().when().get(api + path).then().statusCode(404);
                given().when().get(management + path).then().statusCode(200);
            }
            given().when().get(api + "/status").then().statusCode(200);
        }
    }

    @Test
    void theGatewaysAnswersAreHeldToTheMergedDocument() {
        long before = ResponseContract.bodiesChecked();
        given().header("Authorization", user("officer-siena"))
                .when()
                .get(gateway + "/v1/municipalities")
                .then()
                .statusCode(200);
        assertThat(ResponseContract.bodiesChecked())
                .as("the answer was validated against the document the gateway serves")
                .isGreaterThan(before);
    }

    @Test
    void theGatewayServesOneOpenApiDocumentOfThePlatform() {
        given().when()
                .get(gateway + "/v1/openapi")
                .then()
                .statusCode(200)
                .body("paths.'/v1/participation/needs'.post.operationId", equalTo("submitNeed"))
                .body("paths.'/v1/activity'.get.operationId", equalTo("listActivity"))
                .body("'x-unavailable-services'", equalTo(null));
        given().when()
                .get(platform.managementUrl("gateway") + "/q/swagger-ui/")
                .then()
                .statusCode(200);
        // One document for clients: every service is in it, and no operationId is used twice.
        var doc = given().when()
                .get(gateway + "/v1/openapi")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        java.util.Map<String, java.util.Map<String, java.util.Map<String, Object>>> paths = doc.getMap("paths");
        List<Object> operationIds = paths.values().stream()
                .flatMap(ops -> ops.values().stream())
                .map(op -> op.get("operationId"))
                .toList();
        assertThat(operationIds).doesNotContainNull().doesNotHaveDuplicates();
        assertThat(paths.keySet())
                .contains(
                        "/v1/training/courses",
                        "/v1/participation/needs",
                        "/v1/feasibility/studies",
                        "/v1/comms/announcements",
                        "/v1/municipalities/{istat}/overview",
                        "/v1/needs/{id}/trace",
                        "/v1/activity/stream");
        assertThat(doc.getMap("components.securitySchemes")).containsKey("bearer");
        assertThat(doc.getList("'x-merge-conflicts'"))
                .as("paths or schemas defined differently by two services")
                .isNull();
        given().when().get(gateway + "/v1/asyncapi").then().statusCode(200).body("asyncapi", equalTo("3.1.0"));
    }

    /**
     * docs/openapi.json is the document the gateway serves, as a deployment at api.ngsiena.example with its
     * Keycloak at sso.ngsiena.example would serve it (every deployment serves its own URLs).
     */
    @Test
    void docsHoldsTheCurrentMergedOpenApiDocument() throws Exception {
        String served = given().when()
                .get(gateway + "/v1/openapi")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        var json = new com.fasterxml.jackson.databind.ObjectMapper()
                .enable(com.fasterxml.jackson.databind.SerializationFeature.INDENT_OUTPUT);
        String current = json.writeValueAsString(
                        json.readTree(served.replace(platform.issuer(), "https://sso.ngsiena.example/realms/ngs")
                                .replace(gateway, "https://api.ngsiena.example")))
                + "\n";
        java.nio.file.Files.writeString(Path.of("target/openapi.json"), current);
        Path kept = Path.of(System.getProperty("ngs.root", "..")).resolve("docs/openapi.json");
        assertThat(java.nio.file.Files.exists(kept) ? java.nio.file.Files.readString(kept) : "")
                .as("docs/openapi.json is out of date: copy e2e/target/openapi.json there")
                .isEqualTo(current);
        // Every property says what it means, every body has an example (the services' own and the merger's).
        assertThat(it.ngsiena.testkit.OpenApiContract.mergedGaps(io.restassured.path.json.JsonPath.from(served)))
                .isEmpty();
    }
}
