package it.ngsiena.gateway.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quarkus.mailer.Mail;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import it.ngsiena.gateway.FakeServicesResource;
import it.ngsiena.kernel.mail.MailSender;
import it.ngsiena.testkit.MailServerResource;
import it.ngsiena.testkit.PlatformTestResource;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * With the production setting (STARTTLS required, ngs-mail's default), a mail is never handed to a mail server
 * that offers no TLS, such as the tests' plain GreenMail: the send fails (the queue tries again later) instead of
 * going out in the clear.
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
    MailSender sender;

    @Test
    void aMailIsNotSentToAServerWithoutTls() {
        int before = MailServerResource.server().getReceivedMessages().length;
        assertThatThrownBy(() -> sender.send(Mail.withText("ced@comune.example.it", "Webhook sospeso", "Prova")))
                .isInstanceOf(RuntimeException.class);
        assertThat(MailServerResource.server().getReceivedMessages()).hasSize(before);
    }
}
