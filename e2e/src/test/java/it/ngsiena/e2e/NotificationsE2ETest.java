package it.ngsiena.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.restassured.http.ContentType;
import it.ngsiena.infra.Tokens;
import it.ngsiena.local.LocalPlatform;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Told through the real realm: Siena's officer submits a need, Co-Design prioritises it, and the comms service,
 * reading who is who from Keycloak's directory, puts it in the inbox of Siena's officer (through the gateway's
 * /v1/notifications) and mails them (read over IMAP), not Montepulciano's.
 */
@ExtendWith(RunningPlatform.class)
class NotificationsE2ETest {

    @Test
    void prioritisingASienaNeedTellsSienasOfficerOnly() throws Exception {
        LocalPlatform platform = RunningPlatform.platform();
        Tokens tokens = new Tokens(platform.issuer());
        String gateway = platform.gatewayUrl();
        String siena = "Bearer " + tokens.forUser("officer-siena", "officer-siena");
        String montepulciano = "Bearer " + tokens.forUser("officer-montepulciano", "officer-montepulciano");
        String codesign = "Bearer " + tokens.forUser("codesign", "codesign");
        String need = given().header("Authorization", siena)
                .contentType(ContentType.JSON)
                .body(PlatformE2ETest.need("Notifiche e2e", PlatformE2ETest.SIENA))
                .when()
                .post(gateway + "/v1/participation/needs")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        given().header("Authorization", codesign)
                .when()
                .post(gateway + "/v1/participation/needs/" + need + "/review")
                .then()
                .statusCode(200);
        given().header("Authorization", codesign)
                .contentType(ContentType.JSON)
                .body("{\"rationale\":\"Prova delle notifiche\"}")
                .when()
                .post(gateway + "/v1/participation/needs/" + need + "/prioritise")
                .then()
                .statusCode(200);

        List<String> titles = await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(300))
                .until(
                        () -> titlesAbout(gateway, siena, need),
                        t -> t.contains("Bisogno prioritario: «Notifiche e2e»"));
        System.out.println("[notifications] Siena's officer was told: " + titles);
        assertThat(titlesAbout(gateway, montepulciano, need))
                .as("Montepulciano's officer is told nothing of a Siena need")
                .isEmpty();

        // and by mail, read back over IMAP as a mail program would: one Italian mail for the prioritisation
        String subject = "Next Generation Siena: Bisogno prioritario: «Notifiche e2e»";
        List<String> subjects = await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(500))
                .until(
                        () -> Mailbox.subjects(platform, "officer-siena@demo.ngsiena.invalid"),
                        s -> s.contains(subject));
        assertThat(subjects.stream().filter(subject::equals)).hasSize(1);
        assertThat(Mailbox.subjects(platform, "officer-montepulciano@demo.ngsiena.invalid"))
                .noneMatch(s -> s.contains("Notifiche e2e"));
    }

    private static List<String> titlesAbout(String gateway, String token, String need) {
        return given().header("Authorization", token)
                .queryParam("size", 100)
                .when()
                .get(gateway + "/v1/notifications")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .<String>getList("items.findAll { it.subject == '" + need + "' }.titleIt");
    }
}
