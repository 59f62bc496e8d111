package it.ngsiena.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import it.ngsiena.infra.Tokens;
import it.ngsiena.local.LocalPlatform;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The README's shell examples that talk to the local platform work as written: each such code block runs in bash
 * against the running platform ({@code ./run}'s addresses swapped for the test's), with {@code set -euo pipefail}
 * and every {@code curl} made to fail on an error answer, so a block whose call is refused, or whose address does
 * not answer, fails this test.
 */
@ExtendWith(RunningPlatform.class)
class ReadmeE2ETest {

    private static final Pattern BLOCK = Pattern.compile("```bash\\n(.*?)```", Pattern.DOTALL);
    private static final Pattern WEBHOOK_ID = Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-f-]{36})\"");

    @Test
    void everyShellExampleOfTheReadmeRunsAgainstThePlatform() throws Exception {
        LocalPlatform platform = RunningPlatform.platform();
        String readme = Files.readString(RunningPlatform.root().resolve("README.md"));
        List<String> blocks = new ArrayList<>();
        Matcher found = BLOCK.matcher(readme);
        while (found.find()) {
            if (found.group(1).contains("http://127.0.0.1:8080")) {
                blocks.add(found.group(1));
            }
        }
        assertThat(blocks).as("the README's examples against ./run").hasSizeGreaterThanOrEqualTo(2);
        for (String block : blocks) {
            String script = block.replace("http://127.0.0.1:8080", platform.gatewayUrl())
                    .replace("http://127.0.0.1:8180", platform.keycloakUrl());
            String output = bash(script);
            System.out.println("[readme] " + output.strip());
            assertThat(output).as("what the example prints").isNotBlank();
            removeWebhookItRegistered(output);
        }
    }

    private static String bash(String script) throws Exception {
        Process process = new ProcessBuilder(
                        "bash",
                        "-c",
                        "set -euo pipefail\ncurl() { command curl --fail-with-body --max-time 20 \"$@\"; }\n" + script)
                .redirectErrorStream(true)
                .start();
        boolean ended = process.waitFor(120, TimeUnit.SECONDS);
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!ended) {
            process.destroyForcibly();
        }
        assertThat(ended && process.exitValue() == 0)
                .as("the README example ran and every call answered below 400:\n" + script + "\n---\n" + output)
                .isTrue();
        return output;
    }

    /** The webhook example registers a subscription: removed again, so no other test sees it. */
    private static void removeWebhookItRegistered(String output) {
        if (!output.contains("whsec_")) {
            return;
        }
        Matcher id = WEBHOOK_ID.matcher(output);
        assertThat(id.find()).as("the registration answer names the webhook").isTrue();
        Tokens tokens = new Tokens(RunningPlatform.platform().issuer());
        given().header("Authorization", "Bearer " + tokens.forUser("officer-montepulciano", "officer-montepulciano"))
                .when()
                .delete(RunningPlatform.platform().gatewayUrl() + "/v1/webhooks/" + id.group(1))
                .then()
                .statusCode(204);
    }
}
