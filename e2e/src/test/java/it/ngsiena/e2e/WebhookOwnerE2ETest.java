package it.ngsiena.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.http.ContentType;
import it.ngsiena.contracts.training.ParticipantEnrolled;
import it.ngsiena.infra.Tokens;
import it.ngsiena.local.LocalPlatform;
import it.ngsiena.testkit.WebhookReceiver;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A webhook follows its owner's account in Keycloak: Montepulciano's officer subscribes to their
 * municipality's enrolments; once the account is disabled, an enrolment made after the check interval is
 * not delivered and the subscription is suspended with the reason; re-enabled and resumed, the enrolment
 * arrives. Real realm, real gateway, the directory read through the ngs-directory client.
 */
@ExtendWith(RunningPlatform.class)
class WebhookOwnerE2ETest {

    private static final String MONTEPULCIANO = "052015";
    private static final String OFFICER = "officer-montepulciano";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    static LocalPlatform platform;
    static Tokens tokens;
    static String gateway;

    @BeforeAll
    static void usePlatform() {
        platform = RunningPlatform.platform();
        tokens = new Tokens(platform.issuer());
        gateway = platform.gatewayUrl();
    }

    @Test
    void aDisabledOwnerGetsNothingMoreUntilEnabledAndResumed() throws Exception {
        String lms = "Bearer " + tokens.forClient("euronike-lms", "euronike-lms-secret");
        String admin = user("admin");
        String session = session(lms);
        try (WebhookReceiver receiver = WebhookReceiver.start()) {
            String subscription = given().header("Authorization", user(OFFICER))
                    .contentType(ContentType.JSON)
                    .body("""
                            {"url":"%s","contactEmail":"ced@comune.montepulciano.example.it",
                             "eventTypes":["%s"]}""".formatted(receiver.url("127.0.0.1"), ParticipantEnrolled.TYPE))
                    .when()
                    .post(gateway + "/v1/webhooks")
                    .then()
                    .statusCode(201)
                    .extract()
                    .path("subscription.id");
            try {
                String before = enrol(lms, session);
                await().atMost(Duration.ofSeconds(30)).until(() -> delivered(receiver, before));

                setEnabled(OFFICER, false);
                Thread.sleep(Duration.parse("PT" + RunningPlatform.WEBHOOK_OWNER_CHECK.toUpperCase())
                        .plusSeconds(1)
                        .toMillis());
                String after = enrol(lms, session);
                await().atMost(Duration.ofSeconds(30))
                        .untilAsserted(() -> given().header("Authorization", admin)
                                .when()
                                .get(gateway + "/v1/webhooks/" + subscription)
                                .then()
                                .statusCode(200)
                                .body("status", equalTo("SUSPENDED"))
                                .body("suspensionReason", equalTo("OWNER_NOT_ENTITLED"))
                                .body("lastError", equalTo("the owner's account is disabled")));
                Thread.sleep(3_000); // time enough for a delivery that should not happen
                assertThat(delivered(receiver, after))
                        .as("an enrolment after the owner was disabled")
                        .isFalse();
                // the admin cannot resume it for an owner who may not receive it
                given().header("Authorization", admin)
                        .when()
                        .post(gateway + "/v1/webhooks/" + subscription + "/resume")
                        .then()
                        .statusCode(409)
                        .body("status", equalTo(409))
                        .body("subscriptionStatus", equalTo("SUSPENDED"));

                setEnabled(OFFICER, true);
                given().header("Authorization", user(OFFICER))
                        .when()
                        .post(gateway + "/v1/webhooks/" + subscription + "/resume")
                        .then()
                        .statusCode(200)
                        .body("status", equalTo("ACTIVE"));
                await().atMost(Duration.ofSeconds(30)).until(() -> delivered(receiver, after));
                System.out.printf(
                        "[webhook owner] disabled: subscription suspended, enrolment %s held back; re-enabled and"
                                + " resumed: delivered%n",
                        after);
            } finally {
                setEnabled(OFFICER, true);
                given().header("Authorization", admin).when().delete(gateway + "/v1/webhooks/" + subscription);
            }
        }
    }

    private static String user(String name) {
        return "Bearer " + tokens.forUser(name, name);
    }

    private static boolean delivered(WebhookReceiver receiver, String enrolment) {
        return receiver.deliveries().stream().anyMatch(d -> d.text().contains(enrolment));
    }

    private static String session(String lms) {
        String course = given().header("Authorization", lms)
                .contentType(ContentType.JSON)
                .body("{\"title\":\"Webhook e titolare (e2e)\",\"topic\":\"PNRR\",\"description\":\"Prova\","
                        + "\"plannedHours\":1}")
                .when()
                .post(gateway + "/v1/training/courses")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        return given().header("Authorization", lms)
                .contentType(ContentType.JSON)
                .body("{\"title\":\"Seminario\",\"format\":\"ONLINE_SEMINAR\",\"startsAt\":\"2022-06-01T10:00:00Z\","
                        + "\"endsAt\":\"2022-06-01T11:00:00Z\",\"meetingLink\":\"https://meet.example.org/w\","
                        + "\"capacity\":50}")
                .when()
                .post(gateway + "/v1/training/courses/" + course + "/sessions")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    /** A new Montepulciano participant enrolled by the training partner; answers the enrolment's id. */
    private static String enrol(String lms, String session) {
        String person = given().header("Authorization", lms)
                .contentType(ContentType.JSON)
                .body("{\"givenName\":\"Carla\",\"familyName\":\"Neri\",\"email\":\"" + UUID.randomUUID()
                        + "@comune.montepulciano.example.it\",\"municipality\":\"" + MONTEPULCIANO
                        + "\",\"role\":\"EMPLOYEE\"}")
                .when()
                .post(gateway + "/v1/training/participants")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        return given().header("Authorization", lms)
                .contentType(ContentType.JSON)
                .body("{\"participantId\":\"" + person + "\"}")
                .when()
                .post(gateway + "/v1/training/sessions/" + session + "/enrolments")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    /** Enables or disables a user of the realm, as its administrator would in Keycloak's console. */
    private static void setEnabled(String username, boolean enabled) throws Exception {
        String keycloak = platform.keycloakUrl();
        String master = new Tokens(keycloak + "/realms/master").forUserThrough("admin-cli", "admin", "admin");
        JsonNode found = JSON.readTree(HTTP.send(
                        HttpRequest.newBuilder(URI.create(
                                        keycloak + "/admin/realms/ngs/users?exact=true&username=" + username))
                                .header("Authorization", "Bearer " + master)
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .body());
        String id = found.get(0).path("id").asText();
        HttpResponse<String> updated = HTTP.send(
                HttpRequest.newBuilder(URI.create(keycloak + "/admin/realms/ngs/users/" + id))
                        .header("Authorization", "Bearer " + master)
                        .header("Content-Type", "application/json")
                        .PUT(HttpRequest.BodyPublishers.ofString("{\"enabled\":" + enabled + "}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(updated.statusCode()).as("Keycloak's answer to the update").isEqualTo(204);
    }
}
