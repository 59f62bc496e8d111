package it.ngsiena.gateway.webhook;

import it.ngsiena.contracts.programme.WebhookSubscriptionSuspended;
import it.ngsiena.kernel.mail.MailQueue;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The e-mail that tells a subscription's contact that its deliveries stopped, in Italian and English, queued in the
 * transaction that suspends it (kernel mail queue: sent once, retried, kept through restarts). It goes to the
 * subscription's contactEmail, which its owner gave for this: an owner that is a partner system (a client) has no
 * address in Keycloak. An owner who is a person is also told in their inbox by the comms service (the suspension
 * event's notification), by mail if they chose so.
 */
@ApplicationScoped
class SuspensionNotices {

    private final MailQueue queue;

    SuspensionNotices(MailQueue queue) {
        this.queue = queue;
    }

    /** Queues the notice of this suspension (one per subscription and suspension). */
    void queue(WebhookSubscription s) {
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
        queue.enqueue(new MailQueue.OutgoingMail(
                "webhook-suspended:" + s.id + ":" + s.suspendedAt.toInstant(),
                s.contactEmail,
                "Next Generation Siena: webhook sospeso / webhook suspended",
                text,
                null));
    }
}
