package it.ngsiena.comms.newsletter;

import static it.ngsiena.kernel.persistence.AuditedEntity.now;

import io.quarkus.mailer.Mail;
import it.ngsiena.contracts.Workstream;
import it.ngsiena.contracts.comms.SubscriberConfirmed;
import it.ngsiena.contracts.comms.SubscriberUnsubscribed;
import it.ngsiena.kernel.municipality.MunicipalityRegistry;
import it.ngsiena.kernel.outbox.Outbox;
import it.ngsiena.kernel.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Subscriptions with double opt-in: a request sends a confirmation link and stays PENDING; the link
 * confirms it; a one-click link in every message unsubscribes. Asking again for an address that is
 * already there answers the same as for a new one, so the API does not tell who subscribed.
 */
@ApplicationScoped
public class SubscriberService {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final MunicipalityRegistry municipalities;
    private final MailSender mailer;
    private final Outbox outbox;
    private final String baseUrl;

    SubscriberService(MunicipalityRegistry municipalities, MailSender mailer, Outbox outbox,
            @ConfigProperty(name = "ngs.comms.public-base-url") String baseUrl) {
        this.municipalities = municipalities;
        this.mailer = mailer;
        this.outbox = outbox;
        this.baseUrl = baseUrl.replaceAll("/+$", "");
    }

    @Transactional
    public void subscribe(NewsletterRequests.Subscribe request) {
        List<String> places = request.municipalities() == null ? List.of() : request.municipalities();
        municipalities.requireKnown(places, "municipalities");
        String email = request.email().strip().toLowerCase(Locale.ROOT);
        Subscriber s = Subscriber.<Subscriber>find("email", email).firstResult();
        if (s != null && Subscriber.CONFIRMED.equals(s.status)) {
            return;
        }
        if (s == null) {
            s = new Subscriber();
            s.id = UUID.randomUUID();
            s.email = email;
            s.createdAt = now();
            s.unsubscribeToken = token();
        }
        s.language = request.language();
        s.topics = request.topics() == null ? List.of() : List.copyOf(request.topics());
        s.municipalities = List.copyOf(places);
        s.status = Subscriber.PENDING;
        s.confirmToken = token();
        s.updatedAt = now();
        s.persist();
        String link = baseUrl + "/v1/comms/subscribers/confirm?token=" + s.confirmToken;
        boolean italian = "it".equals(s.language);
        Mail confirmation = Mail.withText(email,
                italian ? "Conferma l'iscrizione alla newsletter di Next Generation Siena"
                        : "Confirm your subscription to the Next Generation Siena newsletter",
                (italian ? "Per ricevere la newsletter conferma l'iscrizione aprendo questo link:\n\n"
                        : "To receive the newsletter, confirm your subscription by opening this link:\n\n") + link
                        + (italian ? "\n\nSe non hai chiesto tu l'iscrizione, ignora questo messaggio.\n"
                        : "\n\nIf you did not ask for it, ignore this message.\n"));
        try {
            mailer.send(confirmation);
        } catch (RuntimeException e) {
            // Nothing is kept: the exception rolls the subscription back, and the caller may try again.
            throw ProblemException.of(503, "mail-unavailable", "Mail unavailable",
                    "The confirmation e-mail cannot be sent now; try again shortly").withHeader("Retry-After", "30");
        }
    }

    @Transactional
    public Subscriber confirm(String token) {
        Subscriber s = byToken("confirmToken", token);
        if (Subscriber.CONFIRMED.equals(s.status)) {
            return s;
        }
        if (!Subscriber.PENDING.equals(s.status)) {
            throw ProblemException.conflict("This subscription is " + s.status, java.util.Map.of("currentStatus",
                    s.status));
        }
        s.status = Subscriber.CONFIRMED;
        s.consentAt = now();
        s.updatedAt = s.consentAt;
        Subscriber.flush();
        outbox.append(Workstream.COMMS, SubscriberConfirmed.TYPE, s.id, new SubscriberConfirmed(s.id, confirmed(),
                s.consentAt));
        return s;
    }

    @Transactional
    public Subscriber unsubscribe(String token) {
        Subscriber s = byToken("unsubscribeToken", token);
        if (!Subscriber.CONFIRMED.equals(s.status) && !Subscriber.PENDING.equals(s.status)) {
            return s;
        }
        boolean wasConfirmed = Subscriber.CONFIRMED.equals(s.status);
        s.status = Subscriber.UNSUBSCRIBED;
        s.unsubscribedAt = now();
        s.updatedAt = s.unsubscribedAt;
        Subscriber.flush();
        if (wasConfirmed) {
            outbox.append(Workstream.COMMS, SubscriberUnsubscribed.TYPE, s.id, new SubscriberUnsubscribed(s.id,
                    confirmed(), s.unsubscribedAt));
        }
        return s;
    }

    /** Erases the address on request; the row stays (without it) so the send log keeps its counts. */
    @Transactional
    public void erase(UUID id) {
        Subscriber s = found(id);
        if (s.erasedAt == null) {
            boolean wasConfirmed = Subscriber.CONFIRMED.equals(s.status);
            s.email = null;
            s.status = Subscriber.ERASED;
            s.erasedAt = now();
            s.updatedAt = s.erasedAt;
            Subscriber.flush();
            if (wasConfirmed) {
                outbox.append(Workstream.COMMS, SubscriberUnsubscribed.TYPE, s.id, new SubscriberUnsubscribed(s.id,
                        confirmed(), s.erasedAt));
            }
        }
    }

    public Subscriber found(UUID id) {
        return Subscriber.<Subscriber>findByIdOptional(id)
                .orElseThrow(() -> ProblemException.notFound("Subscriber", id));
    }

    public String unsubscribeLink(Subscriber s) {
        return baseUrl + "/v1/comms/subscribers/unsubscribe?token=" + s.unsubscribeToken;
    }

    private static Subscriber byToken(String field, String token) {
        if (token == null || token.isBlank()) {
            throw ProblemException.notFound("Subscription link", "");
        }
        Subscriber s = Subscriber.<Subscriber>find(field, token).firstResult();
        if (s == null) {
            throw ProblemException.notFound("Subscription link", token);
        }
        return s;
    }

    private static long confirmed() {
        return Subscriber.count("status", Subscriber.CONFIRMED);
    }

    private static String token() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
