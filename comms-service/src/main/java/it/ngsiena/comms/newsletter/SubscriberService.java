package it.ngsiena.comms.newsletter;

import static it.ngsiena.kernel.persistence.AuditedEntity.now;

import it.ngsiena.contracts.comms.SubscriberConfirmed;
import it.ngsiena.contracts.comms.SubscriberUnsubscribed;
import it.ngsiena.kernel.municipality.MunicipalityRegistry;
import it.ngsiena.kernel.outbox.Outbox;
import it.ngsiena.kernel.problem.ProblemException;
import it.ngsiena.kernel.security.LinkTokens;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Subscriptions with double opt-in: a request stays PENDING and queues a confirmation mail, which
 * {@link ConfirmationMails} sends once the request has committed; the link confirms it; a one-click
 * link in every message unsubscribes. Asking again for an address that is already there answers the
 * same as for a new one, so the API does not tell who subscribed; an address gets at most
 * {@code ngs.comms.confirmations-per-address} confirmation mails per {@code ngs.comms.confirmations-window}.
 */
@ApplicationScoped
public class SubscriberService {

    private static final Logger LOG = Logger.getLogger(SubscriberService.class);

    private final MunicipalityRegistry municipalities;
    private final Outbox outbox;
    private final Event<ConfirmationMails.Queued> queued;
    private final String baseUrl;
    private final int mailsPerAddress;
    private final Duration mailWindow;

    SubscriberService(
            MunicipalityRegistry municipalities,
            Outbox outbox,
            Event<ConfirmationMails.Queued> queued,
            @ConfigProperty(name = "ngs.comms.public-base-url") String baseUrl,
            @ConfigProperty(name = "ngs.comms.confirmations-per-address", defaultValue = "3") int mailsPerAddress,
            @ConfigProperty(name = "ngs.comms.confirmations-window", defaultValue = "24h") Duration mailWindow) {
        this.municipalities = municipalities;
        this.outbox = outbox;
        this.queued = queued;
        this.baseUrl = baseUrl.replaceAll("/+$", "");
        this.mailsPerAddress = mailsPerAddress;
        this.mailWindow = mailWindow;
    }

    @Transactional
    public void subscribe(NewsletterRequests.Subscribe request) {
        List<String> places = request.municipalities() == null ? List.of() : request.municipalities();
        municipalities.requireKnown(places, "municipalities");
        String email = request.email().strip().toLowerCase(Locale.ROOT);
        // Locked: the confirmation sender updates the same row after each mail (ConfirmationMails).
        Subscriber s = Subscriber.<Subscriber>find("email", email)
                .withLock(jakarta.persistence.LockModeType.PESSIMISTIC_WRITE)
                .firstResult();
        if (s != null && Subscriber.CONFIRMED.equals(s.status)) {
            return;
        }
        if (s == null) {
            s = new Subscriber();
            s.id = UUID.randomUUID();
            s.email = email;
            s.createdAt = now();
            s.unsubscribeToken = token();
            s.confirmToken = token();
        }
        s.language = request.language();
        s.topics = request.topics() == null ? List.of() : List.copyOf(request.topics());
        s.municipalities = List.copyOf(places);
        s.status = Subscriber.PENDING;
        s.updatedAt = now();
        OffsetDateTime asked = now();
        boolean waiting = s.mailWaiting(asked);
        boolean mail = s.askConfirmation(asked, mailsPerAddress, mailWindow);
        if (mail && !waiting) {
            s.confirmToken = token(); // a new mail, a new link; a mail still waiting keeps its own
        }
        s.persist();
        if (mail) {
            queued.fire(new ConfirmationMails.Queued());
        } else {
            LOG.infof(
                    "Subscriber %s asked again: no more confirmation mails to that address before %s",
                    s.id, s.confirmationsWindowStart.plus(mailWindow));
        }
    }

    @Transactional
    public Subscriber confirm(String token) {
        Subscriber s = byToken("confirmToken", token);
        if (Subscriber.CONFIRMED.equals(s.status)) {
            return s;
        }
        if (!Subscriber.PENDING.equals(s.status)) {
            throw ProblemException.conflict(
                    "This subscription is " + s.status, java.util.Map.of("currentStatus", s.status));
        }
        s.status = Subscriber.CONFIRMED;
        s.consentAt = now();
        s.updatedAt = s.consentAt;
        Subscriber.flush();
        outbox.append(s.id, new SubscriberConfirmed(s.id, confirmed(), s.consentAt));
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
            outbox.append(s.id, new SubscriberUnsubscribed(s.id, confirmed(), s.unsubscribedAt));
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
                outbox.append(s.id, new SubscriberUnsubscribed(s.id, confirmed(), s.erasedAt));
            }
        }
    }

    public Subscriber found(UUID id) {
        return Subscriber.<Subscriber>findByIdOptional(id)
                .orElseThrow(() -> ProblemException.notFound("Subscriber", id));
    }

    public String confirmLink(Subscriber s) {
        return baseUrl + "/v1/comms/subscribers/confirm?token=" + s.confirmToken;
    }

    public String unsubscribeLink(Subscriber s) {
        return baseUrl + "/v1/comms/subscribers/unsubscribe?token=" + s.unsubscribeToken;
    }

    private static Subscriber byToken(String field, String token) {
        if (token == null || token.isBlank()) {
            throw ProblemException.notFound("Subscription link", "");
        }
        // Locked, as the confirmation sender locks it: its update after a mail (the link may be opened before
        // that update commits) would otherwise make this write stale, a 412 for a link that is good.
        Subscriber s = Subscriber.<Subscriber>find(field, token)
                .withLock(jakarta.persistence.LockModeType.PESSIMISTIC_WRITE)
                .firstResult();
        if (s == null) {
            throw ProblemException.notFound("Subscription link", token);
        }
        return s;
    }

    private static long confirmed() {
        return Subscriber.count("status", Subscriber.CONFIRMED);
    }

    private static String token() {
        return LinkTokens.random();
    }
}
