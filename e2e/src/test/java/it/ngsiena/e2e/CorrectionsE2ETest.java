package it.ngsiena.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import io.restassured.http.ContentType;
import it.ngsiena.infra.Tokens;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Mistakes put right through the gateway, with the realm's real tokens: a need withdrawn by its
 * municipality, an endorsement withdrawn below the threshold (the gateway's figures follow), a session's
 * seats raised (the waiting list moves up) and not lowered below those taken, a funding call corrected and
 * closed, a workshop re-planned (the calendar follows) and its minutes corrected; and the labels of the
 * codes, in Italian and English.
 */
@ExtendWith(RunningPlatform.class)
class CorrectionsE2ETest {

    static final String SIENA = "052032";
    static final String MONTEPULCIANO = "052015";
    static final String PIENZA = "052021";

    static Tokens tokens;
    static String gateway;

    @BeforeAll
    static void usePlatform() {
        tokens = new Tokens(RunningPlatform.platform().issuer());
        gateway = RunningPlatform.platform().gatewayUrl();
    }

    static String user(String name) {
        return "Bearer " + tokens.forUser(name, name);
    }

    private static String submit(String token, String title, String... municipalities) {
        return given().header("Authorization", token)
                .contentType(ContentType.JSON)
                .body(PlatformE2ETest.need(title, municipalities))
                .when()
                .post(gateway + "/v1/participation/needs")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    @Test
    void aNeedIsWithdrawnByItsMunicipalityAndAnEndorsementBelowTheThresholdEndsItsReach() {
        String siena = user("officer-siena");
        String montepulciano = user("officer-montepulciano");
        String need = submit(siena, "Da ritirare (e2e)", SIENA);
        given().header("Authorization", montepulciano)
                .contentType(ContentType.JSON)
                .body("{\"reason\":\"Non nostro\"}")
                .when()
                .post(gateway + "/v1/participation/needs/" + need + "/withdraw")
                .then()
                .statusCode(403);
        given().header("Authorization", siena)
                .contentType(ContentType.JSON)
                .body("{\"reason\":\"Risolto con risorse proprie\"}")
                .when()
                .post(gateway + "/v1/participation/needs/" + need + "/withdraw")
                .then()
                .statusCode(200)
                .body("status", equalTo("WITHDRAWN"))
                .body("answer", equalTo("Risolto con risorse proprie"));

        // Two municipalities and Montepulciano's endorsement: three, area-wide; the endorsement withdrawn: not.
        String shared = submit(user("codesign"), "Area vasta per poco (e2e)", SIENA, PIENZA);
        long before = areaWideIn(MONTEPULCIANO);
        given().header("Authorization", montepulciano)
                .when()
                .post(gateway + "/v1/participation/needs/" + shared + "/endorsements")
                .then()
                .statusCode(200)
                .body("areaWide", equalTo(true));
        await().atMost(Duration.ofSeconds(30)).until(() -> areaWideIn(MONTEPULCIANO) == before + 1);
        given().header("Authorization", montepulciano)
                .when()
                .delete(gateway + "/v1/participation/needs/" + shared + "/endorsements/" + MONTEPULCIANO)
                .then()
                .statusCode(200)
                .body("areaWide", equalTo(false));
        await().atMost(Duration.ofSeconds(30)).until(() -> areaWideIn(MONTEPULCIANO) == before);
    }

    /** The gateway's count of area-wide needs a municipality takes part in. */
    private static long areaWideIn(String istat) {
        return given().header("Authorization", user("admin"))
                .when()
                .get(gateway + "/v1/municipalities/" + istat + "/overview")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getLong("participation.areaWideNeeds");
    }

    @Test
    void aSessionsSeatsRaisedMoveTheWaitingListUpAndCannotFallBelowThoseTaken() {
        String lms = "Bearer " + tokens.forClient("euronike-lms", "euronike-lms-secret");
        TrainingSteps steps = new TrainingSteps(gateway, lms);
        String session = steps.session("Posti contati (e2e)", "2022-09-01T09:00:00Z", 1);
        steps.enrol(session, steps.participant());
        String waiting = given().header("Authorization", lms)
                .contentType(ContentType.JSON)
                .body("{\"participantId\":\"" + steps.participant() + "\"}")
                .when()
                .post(gateway + "/v1/training/sessions/" + session + "/enrolments")
                .then()
                .statusCode(201)
                .body("status", equalTo("WAITING"))
                .extract()
                .path("id");

        given().header("Authorization", lms)
                .contentType(ContentType.JSON)
                .body("{\"capacity\":2}")
                .when()
                .post(gateway + "/v1/training/sessions/" + session + "/capacity")
                .then()
                .statusCode(200)
                .body("capacity", equalTo(2));
        given().header("Authorization", lms)
                .when()
                .get(gateway + "/v1/training/sessions/" + session + "/enrolments")
                .then()
                .statusCode(200)
                .body("items.find { it.id == '" + waiting + "' }.status", equalTo("ENROLLED"));
        given().header("Authorization", lms)
                .contentType(ContentType.JSON)
                .body("{\"capacity\":1}")
                .when()
                .post(gateway + "/v1/training/sessions/" + session + "/capacity")
                .then()
                .statusCode(409)
                .contentType("application/problem+json");
    }

    @Test
    void aFundingCallIsCorrectedThenClosed() {
        String studio = "Bearer " + tokens.forClient("openimpact-studio", "openimpact-studio-secret");
        String call = given().header("Authorization", studio)
                .contentType(ContentType.JSON)
                .body("""
                        {"title":"Avviso (fittizio) e2e","funder":"Regione Toscana","kind":"REGIONAL",
                         "themes":["GOVERNANCE"],"opensOn":"2022-06-01","deadline":"2022-12-15",
                         "totalBudgetEur":100000.00}""")
                .when()
                .post(gateway + "/v1/feasibility/funding-opportunities")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        String etag = given().header("Authorization", studio)
                .when()
                .get(gateway + "/v1/feasibility/funding-opportunities/" + call)
                .then()
                .statusCode(200)
                .extract()
                .header("ETag");
        given().header("Authorization", studio)
                .header("If-Match", etag)
                .contentType("application/merge-patch+json")
                .body("{\"deadline\":\"2022-12-31\"}")
                .when()
                .patch(gateway + "/v1/feasibility/funding-opportunities/" + call)
                .then()
                .statusCode(200)
                .body("deadline", equalTo("2022-12-31"));
        given().header("Authorization", studio)
                .contentType(ContentType.JSON)
                .body("{\"reason\":\"Dotazione esaurita\"}")
                .when()
                .post(gateway + "/v1/feasibility/funding-opportunities/" + call + "/close")
                .then()
                .statusCode(200)
                .body("status", equalTo("CLOSED"))
                .body("statusLabelIt", equalTo("Chiuso in anticipo"));
        given().header("Authorization", studio)
                .contentType(ContentType.JSON)
                .body("{\"reason\":\"Ancora\"}")
                .when()
                .post(gateway + "/v1/feasibility/funding-opportunities/" + call + "/withdraw")
                .then()
                .statusCode(409);
    }

    @Test
    void aWorkshopIsRePlannedInTheCalendarAndItsMinutesCorrected() {
        String hub = "Bearer " + tokens.forClient("codesign-hub", "codesign-hub-secret");
        String workshop = given().header("Authorization", hub)
                .contentType(ContentType.JSON)
                .body("""
                        {"title":"Laboratorio da spostare (e2e)","startsAt":"2022-10-06T15:00:00+02:00",
                         "endsAt":"2022-10-06T18:00:00+02:00","place":"Sala consiliare, Pienza",
                         "municipalities":["052021"]}""")
                .when()
                .post(gateway + "/v1/participation/workshops")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        given().header("Authorization", hub)
                .header("If-Match", etagOf("/v1/participation/workshops/" + workshop, hub))
                .contentType("application/merge-patch+json")
                .body("{\"startsAt\":\"2022-10-13T15:00:00+02:00\",\"endsAt\":\"2022-10-13T18:00:00+02:00\"}")
                .when()
                .patch(gateway + "/v1/participation/workshops/" + workshop)
                .then()
                .statusCode(200)
                .body("startsAt", equalTo("2022-10-13T13:00:00Z"));
        // The comms calendar follows the re-plan: the same event, a week later.
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(given().when()
                                .get(gateway + "/v1/comms/calendar.ics?municipality=" + PIENZA)
                                .then()
                                .statusCode(200)
                                .extract()
                                .asString())
                        .contains("DTSTART;TZID=Europe/Rome:20221013T150000")
                        .doesNotContain("DTSTART;TZID=Europe/Rome:20221006T150000"));

        given().header("Authorization", hub)
                .contentType(ContentType.JSON)
                .body("{\"attendanceCount\":12,\"minutes\":\"Emersi 2 bisogni\"}")
                .when()
                .post(gateway + "/v1/participation/workshops/" + workshop + "/held")
                .then()
                .statusCode(200);
        given().header("Authorization", hub)
                .header("If-Match", etagOf("/v1/participation/workshops/" + workshop, hub))
                .contentType("application/merge-patch+json")
                .body("{\"minutes\":\"Emersi **3** bisogni\"}")
                .when()
                .patch(gateway + "/v1/participation/workshops/" + workshop)
                .then()
                .statusCode(200)
                .body("minutesHtml", equalTo("<p>Emersi <strong>3</strong> bisogni</p>\n"));
    }

    private static String etagOf(String path, String token) {
        return given().header("Authorization", token)
                .when()
                .get(gateway + path)
                .then()
                .statusCode(200)
                .extract()
                .header("ETag");
    }

    @Test
    void theCodesHaveLabelsInItalianAndEnglish() {
        given().when()
                .get(gateway + "/v1/participation/labels")
                .then()
                .statusCode(200)
                .body("NeedStatus.FEASIBILITY_ABANDONED.it", equalTo("Studio di fattibilità abbandonato"))
                .body("NeedStatus.FEASIBILITY_ABANDONED.en", equalTo("Feasibility study abandoned"));
        given().when()
                .get(gateway + "/v1/training/labels")
                .then()
                .statusCode(200)
                .body("EnrolmentStatus.WAITING.it", org.hamcrest.Matchers.notNullValue());
    }
}
