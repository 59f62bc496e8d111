package it.ngsiena.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import it.ngsiena.local.LocalPlatform;
import it.ngsiena.local.Main;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What {@code ./run} prints once the platform is up sends a newcomer to addresses that answer: every URL of the
 * banner is called. The pages it names (Swagger UI, the merged OpenAPI document, the feed, the public feeds,
 * Keycloak) answer 200; a service's bare address answers at all (its API lives under /v1).
 */
@ExtendWith(RunningPlatform.class)
class BannerE2ETest {

    private static final Pattern URL = Pattern.compile("https?://[^\\s,()]+");

    @Test
    void everyUrlOfTheBannerAnswers() throws Exception {
        LocalPlatform platform = RunningPlatform.platform();
        String banner = Main.banner(platform, 0);
        HttpClient http = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NORMAL)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
        Map<String, Integer> answers = new LinkedHashMap<>();
        Matcher found = URL.matcher(banner);
        while (found.find()) {
            String url = found.group();
            int status = http.send(
                            HttpRequest.newBuilder(URI.create(url))
                                    .timeout(Duration.ofSeconds(20))
                                    .build(),
                            HttpResponse.BodyHandlers.discarding())
                    .statusCode();
            answers.put(url, status);
        }
        System.out.println("[banner] " + answers);
        assertThat(answers).hasSizeGreaterThanOrEqualTo(8);
        List<String> wrong = new ArrayList<>();
        answers.forEach((url, status) -> {
            boolean page = URI.create(url).getPath().length() > 1;
            if (page ? status != 200 : status >= 500) {
                wrong.add(url + " answered " + status);
            }
        });
        assertThat(wrong).isEmpty();
        assertThat(answers).containsEntry(platform.managementUrl("gateway") + "/q/swagger-ui", 200);
    }
}
