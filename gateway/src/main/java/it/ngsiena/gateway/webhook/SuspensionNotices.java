package it.ngsiena.gateway.webhook;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.reactive.ReactiveMailer;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;

/** The e-mail that tells a subscription's owner that its deliveries stopped, in Italian and English. */
@ApplicationScoped
class SuspensionNotices {

    private static final Duration MAIL_TIMEOUT = Duration.ofSeconds(10);

    private final ReactiveMailer mailer;

    SuspensionNotices(ReactiveMailer mailer) {
        this.mailer = mailer;
    }

    /** @throws RuntimeException when the mail server refuses or does not answer in time */
    void send(WebhookSubscription s) {
        String text =
                """
                La sottoscrizione webhook %1$s (%2$s) è sospesa: le consegne a %3$s non riescono dal %4$s.
                Ultimo errore: %5$s
                Nessun evento è perso: riattivatela (POST /v1/webhooks/%1$s/resume) e le consegne riprendono
                dall'evento non consegnato.

                The webhook subscription %1$s (%2$s) is suspended: deliveries to %3$s have failed since %4$s.
                Last error: %5$s
                No event is lost: resume it (POST /v1/webhooks/%1$s/resume) and deliveries start again from the
                event that was not delivered.
                """.formatted(s.id, s.description == null ? "-" : s.description, s.url, s.failingSince, s.lastError);
        mailer.send(Mail.withText(s.contactEmail, "Next Generation Siena: webhook sospeso / webhook suspended", text))
                .await()
                .atMost(MAIL_TIMEOUT);
    }
}
