package it.ngsiena.gateway.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import it.ngsiena.gateway.FakeServicesResource;
import it.ngsiena.testkit.MailServerResource;
import it.ngsiena.testkit.PlatformTestResource;
import jakarta.inject.Inject;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * With the production setting (STARTTLS required), a notice is never handed to a mail server that offers
 * no TLS, such as the tests' plain GreenMail: the mail fails (and is tried again later) instead of going out
 * in the clear.
 */
@QuarkusTest
@WithTestResource(PlatformTestResource.class)
@WithTestResource(FakeServicesResource.class)
@WithTestResource(MailServerResource.class)
@TestProfile(MailOverTlsTest.ProductionMailer.class)
class MailOverTlsTest {

    public static class ProductionMailer implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.mailer.start-tls", "REQUIRED");
        }
    }

    @Inject
    SuspensionNotices notices;

    @Test
    void aNoticeIsNotSentToAServerWithoutTls() {
        WebhookSubscription s = new WebhookSubscription();
        s.id = UUID.randomUUID();
        s.contactEmail = "ced@comune.example.it";
        s.url = "https://receiver.example.it/hook?token=abc";
        s.failingSince = OffsetDateTime.now();
        s.lastError = "answered 500";
        s.ownerGrants = List.of("admin");
        int before = MailServerResource.server().getReceivedMessages().length;
        assertThatThrownBy(() -> notices.send(s)).isInstanceOf(RuntimeException.class);
        assertThat(MailServerResource.server().getReceivedMessages()).hasSize(before);
    }
}
