package it.ngsiena.gateway.webhook;

import it.ngsiena.contracts.EventCatalog;
import it.ngsiena.contracts.Workstream;
import it.ngsiena.gateway.activity.ActivityEntry;
import it.ngsiena.gateway.activity.ActivityRepository;
import it.ngsiena.kernel.directory.Directory;
import it.ngsiena.kernel.http.TimeParams;
import it.ngsiena.kernel.municipality.MunicipalityRegistry;
import it.ngsiena.kernel.persistence.AuditedEntity;
import it.ngsiena.kernel.problem.Problem;
import it.ngsiena.kernel.problem.ProblemException;
import it.ngsiena.kernel.security.Caller;
import it.ngsiena.kernel.security.Roles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Registering and managing webhook subscriptions. Who may subscribe to what: an officer to their own
 * municipality's events, a partner to its workstream's, the admin to anything; in every case a delivery
 * carries only what the owner could read when they registered (their reader grants are kept with it), and
 * only while they still may ({@link OwnerCheck}). Only the owner's account and the admin see a subscription;
 * to anyone else it does not exist (404).
 */
@ApplicationScoped
public class WebhookSubscriptions {

    private static final Logger LOG = Logger.getLogger(WebhookSubscriptions.class);

    private final ActivityRepository activity;
    private final TargetGuard guard;
    private final MunicipalityRegistry municipalities;
    private final WebhooksConfig config;
    private final OwnerCheck owners;
    private final SecretSeal seal;

    WebhookSubscriptions(
            ActivityRepository activity,
            TargetGuard guard,
            MunicipalityRegistry municipalities,
            WebhooksConfig config,
            OwnerCheck owners,
            SecretSeal seal) {
        this.activity = activity;
        this.guard = guard;
        this.municipalities = municipalities;
        this.config = config;
        this.owners = owners;
        this.seal = seal;
    }

    /** Registers it; deliveries start with the next event of the feed (replay reaches older ones). */
    @Transactional
    public SubscriptionSecret create(SubscriptionRequest request, Caller caller) {
        Scope scope = scope(request, caller);
        List<Problem.Violation> violations = new ArrayList<>();
        List<String> types = request.eventTypes() == null ? List.of() : request.eventTypes();
        for (int i = 0; i < types.size(); i++) {
            if (!EventCatalog.PLATFORM.knows(types.get(i))) {
                violations.add(new Problem.Violation("eventTypes[" + i + "]", "is not an event type of the catalogue"));
            }
        }
        if (scope.municipality() != null && !municipalities.exists(scope.municipality())) {
            violations.add(new Problem.Violation("municipality", "is not a municipality of the Province of Siena"));
        }
        try {
            guard.check(request.url());
        } catch (TargetGuard.Refused refused) {
            violations.add(new Problem.Violation("url", refused.getMessage()));
        }
        if (!violations.isEmpty()) {
            throw ProblemException.unprocessable("The subscription cannot be registered", violations);
        }
        if (WebhookSubscription.count("ownerSubject", caller.subject()) >= config.maxPerOwner()) {
            throw ProblemException.unprocessable(
                    "Too many subscriptions",
                    List.of(new Problem.Violation(
                            "url",
                            "an owner has at most " + config.maxPerOwner() + " subscriptions; delete one first")));
        }
        OffsetDateTime now = AuditedEntity.now();
        WebhookSubscription s = new WebhookSubscription();
        s.id = UUID.randomUUID();
        s.owner = caller.name();
        s.ownerSubject = caller.subject();
        s.ownerGrants = List.copyOf(caller.personalGrants());
        s.contactEmail = request.contactEmail();
        s.url = request.url();
        s.description = request.description();
        s.workstream = scope.workstream();
        s.eventTypes = types.isEmpty() ? null : List.copyOf(types);
        s.municipality = scope.municipality();
        s.status = WebhookSubscription.Status.ACTIVE;
        s.position = activity.lastSeq();
        String secret = WebhookSignature.newSecret();
        s.secret = seal.seal(s.id, secret);
        s.nextAttemptAt = now;
        s.createdAt = now;
        s.updatedAt = now;
        s.persist();
        LOG.infof("Webhook subscription %s registered by %s for %s", s.id, s.owner, Redacted.url(s.url));
        return new SubscriptionSecret(SubscriptionView.of(s), secret);
    }

    @Transactional
    public List<WebhookSubscription> list(Caller caller) {
        return caller.hasRole(Roles.PROGRAMME_ADMIN)
                ? WebhookSubscription.list("order by createdAt")
                : WebhookSubscription.list(
                        "ownerSubject = ?1 or (ownerSubject is null and owner = ?2) order by createdAt",
                        caller.subject(),
                        caller.name());
    }

    /** The subscription, when the caller owns it or is the admin; 404 otherwise. */
    @Transactional
    public WebhookSubscription get(UUID id, Caller caller) {
        return owned(WebhookSubscription.findById(id), id, caller);
    }

    /**
     * The same, locked until the transaction ends: the delivery worker changes the row too (position,
     * retries), and waits instead of making the owner's change fail on a stale version.
     */
    private WebhookSubscription forUpdate(UUID id, Caller caller) {
        return owned(WebhookSubscription.findById(id, LockModeType.PESSIMISTIC_WRITE), id, caller);
    }

    private static WebhookSubscription owned(WebhookSubscription s, UUID id, Caller caller) {
        if (s == null || !(s.ownedBy(caller) || caller.hasRole(Roles.PROGRAMME_ADMIN))) {
            throw ProblemException.notFound("Webhook subscription", id);
        }
        return s;
    }

    @Transactional
    public void delete(UUID id, Caller caller) {
        forUpdate(id, caller).delete();
    }

    /** A new secret; the old one keeps signing deliveries (beside the new) for the overlap period. */
    @Transactional
    public SubscriptionSecret rotateSecret(UUID id, Caller caller) {
        WebhookSubscription s = forUpdate(id, caller);
        OffsetDateTime now = AuditedEntity.now();
        String secret = WebhookSignature.newSecret();
        s.previousSecret = s.secret;
        s.previousSecretUntil = now.plus(config.secretOverlap());
        s.secret = seal.seal(s.id, secret);
        s.updatedAt = now;
        return new SubscriptionSecret(SubscriptionView.of(s), secret);
    }

    /**
     * Delivers again, in feed order, every matching event from the event {@code fromEventId} (included), or
     * from the first event the platform received at or after {@code from}.
     */
    @Transactional
    public WebhookSubscription replay(UUID id, String fromEventId, String from, Caller caller) {
        WebhookSubscription s = forUpdate(id, caller);
        if ((fromEventId == null) == (from == null)) {
            throw ProblemException.invalid(List.of(new Problem.Violation("fromEventId", "give fromEventId or from")));
        }
        long position;
        if (fromEventId != null) {
            ActivityEntry entry = activity.findById(fromEventId);
            if (entry == null || entry.readers.stream().noneMatch(s.ownerGrants::contains)) {
                throw ProblemException.unprocessable(
                        "No such event",
                        List.of(new Problem.Violation(
                                "fromEventId", "is not an event of the feed that the owner may read")));
            }
            position = entry.seq - 1;
        } else {
            List<Problem.Violation> violations = new ArrayList<>();
            OffsetDateTime time = TimeParams.parse("from", from, violations);
            if (!violations.isEmpty()) {
                throw ProblemException.invalid(violations);
            }
            position = activity.positionBefore(time);
        }
        s.position = position;
        restart(s);
        return s;
    }

    /**
     * A suspended subscription active again, from the event that failed; refused (409) while its owner may not
     * receive what it was granted, as the directory says now.
     */
    @Transactional
    public WebhookSubscription resume(UUID id, Caller caller) {
        WebhookSubscription s = forUpdate(id, caller);
        Optional<String> lost;
        try {
            lost = owners.lostNow(s);
        } catch (Directory.Unavailable e) {
            LOG.warnf("Webhook subscription %s: its owner could not be checked (%s)", id, e.getMessage());
            throw ProblemException.of(
                            503,
                            "directory-unavailable",
                            "Service unavailable",
                            "Whether the owner may receive the deliveries cannot be checked now; try again shortly")
                    .withHeader("Retry-After", "30");
        }
        if (lost.isPresent()) {
            throw ProblemException.conflict(
                    "The subscription cannot be resumed: " + lost.get(), Map.of("subscriptionStatus", s.status.name()));
        }
        s.status = WebhookSubscription.Status.ACTIVE;
        s.suspendedAt = null;
        s.suspensionReason = null;
        restart(s);
        return s;
    }

    @Transactional
    public List<WebhookDelivery> deliveries(UUID id, Long before, int limit, Caller caller) {
        get(id, caller);
        return before == null
                ? WebhookDelivery.find("subscriptionId = ?1 order by id desc", id)
                        .range(0, limit - 1)
                        .list()
                : WebhookDelivery.find("subscriptionId = ?1 and id < ?2 order by id desc", id, before)
                        .range(0, limit - 1)
                        .list();
    }

    private static void restart(WebhookSubscription s) {
        OffsetDateTime now = AuditedEntity.now();
        s.failingSince = null;
        s.failedAttempts = 0;
        s.nextAttemptAt = now;
        s.updatedAt = now;
    }

    /** The filters an owner may set, filled in from who they are. */
    private record Scope(String workstream, String municipality) {}

    private static Scope scope(SubscriptionRequest request, Caller caller) {
        if (caller.hasRole(Roles.PROGRAMME_ADMIN)) {
            return new Scope(request.workstream(), request.municipality());
        }
        if (caller.hasRole(Roles.MUNICIPALITY_OFFICER)) {
            String own = caller.municipality()
                    .filter(m -> m.matches("\\d{6}"))
                    .orElseThrow(() -> ProblemException.forbidden(
                            "An officer's token names their municipality; this one does not"));
            if (request.municipality() != null && !request.municipality().equals(own)) {
                throw ProblemException.forbidden("An officer subscribes to their own municipality's events only");
            }
            return new Scope(request.workstream(), own);
        }
        List<Workstream> partnerOf = Arrays.stream(Workstream.values())
                .filter(w -> caller.hasRole(Roles.partnerOf(w)))
                .toList();
        if (request.workstream() != null) {
            Workstream asked = Workstream.fromId(request.workstream())
                    .filter(partnerOf::contains)
                    .orElseThrow(() ->
                            ProblemException.forbidden("A partner subscribes to its own workstream's events only"));
            return new Scope(asked.id(), request.municipality());
        }
        if (partnerOf.size() != 1) {
            throw ProblemException.unprocessable(
                    "Which workstream?",
                    List.of(new Problem.Violation("workstream", "name the workstream of yours to subscribe to")));
        }
        return new Scope(partnerOf.get(0).id(), request.municipality());
    }

    /** The grants a delivery is read with: the owner's when they registered it. */
    static Set<String> grants(WebhookSubscription s) {
        return Set.copyOf(s.ownerGrants);
    }
}
