package it.ngsiena.kernel.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class DemoSecretsTest {

    @Test
    void aPublishedSecretInAnySettingIsNamed() {
        assertThat(DemoSecrets.published(Map.of(
                        "quarkus.datasource.password", Optional.of("demo-training-password"),
                        "ngs.directory.client-secret", Optional.of("ngs-directory-secret"),
                        "quarkus.mailer.password", Optional.of("a-new-random-one"),
                        "ngs.events.sasl.password", Optional.empty())))
                .containsExactlyInAnyOrder("quarkus.datasource.password", "ngs.directory.client-secret");
        assertThat(DemoSecrets.published(Map.of("quarkus.datasource.password", Optional.of("s3cr3t-Xy"))))
                .isEmpty();
    }

    /** Every password of the compose stack's .env and every client secret of the demo realm is known as published. */
    @Test
    void theListHoldsEverySecretTheRepositoryPublishes() throws Exception {
        Path root = Path.of("").toAbsolutePath().getParent().getParent();
        Matcher env = Pattern.compile("(?m)^[A-Z_]*(PASSWORD|SECRET)[A-Z_]*=(.+)$")
                .matcher(Files.readString(root.resolve("deploy/compose/.env")));
        int passwords = 0;
        while (env.find()) {
            assertThat(DemoSecrets.PUBLISHED).contains(env.group(2).strip());
            passwords++;
        }
        assertThat(passwords).isGreaterThanOrEqualTo(10);
        Matcher realm = Pattern.compile("\"secret\"\\s*:\\s*\"([^\"]+)\"")
                .matcher(Files.readString(root.resolve("deploy/keycloak/ngs-realm.json")));
        int secrets = 0;
        while (realm.find()) {
            assertThat(DemoSecrets.PUBLISHED).contains(realm.group(1));
            secrets++;
        }
        assertThat(secrets).isGreaterThanOrEqualTo(6);
    }
}
