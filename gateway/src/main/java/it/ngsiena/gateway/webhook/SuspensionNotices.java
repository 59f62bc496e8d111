package it.ngsiena.gateway.webhook;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.reactive.ReactiveMailer;
import it.ngsiena.contracts.programme.WebhookSubscriptionSuspended;
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
        boolean ownerLost = WebhookSubscriptionSuspended.OWNER_NOT_ENTITLED.equals(s.suspensionReason);
        String why = ownerLost
                ? """
                  Il titolare non può più riceverla: %1$s.
                  Nessun evento è perso: quando il titolare ne avrà di nuovo il diritto, riattivatela
                  (POST /v1/webhooks/%2$s/resume) e le consegne riprendono da dove si erano fermate.

                  Its owner may no longer receive it: %1$s.
                  No event is lost: once the owner is entitled again, resume it (POST /v1/webhooks/%2$s/resume)
                  and deliveries start again where they stopped.
                  """.formatted(s.lastError, s.id)
                : """
                  Le consegne a %1$s non riescono dal %2$s. Ultimo errore: %3$s
                  Nessun evento è perso: riattivatela (POST /v1/webhooks/%4$s/resume) e le consegne riprendono
                  dall'evento non consegnato.

                  Deliveries to %1$s have failed since %2$s. Last error: %3$s
                  No event is lost: resume it (POST /v1/webhooks/%4$s/resume) and deliveries start again from the
                  event that was not delivered.
                  """.formatted(Redacted.url(s.url), s.failingSince, s.lastError, s.id);
        String text =
                "La sottoscrizione webhook %1$s (%2$s) è sospesa. / The webhook subscription %1$s (%2$s) is suspended.\n\n"
                                .formatted(s.id, s.description == null ? "-" : s.description)
                        + why;
        mailer.send(Mail.withText(s.contactEmail, "Next Generation Siena: webhook sospeso / webhook suspended", text))
                .await()
                .atMost(MAIL_TIMEOUT);
    }
}
