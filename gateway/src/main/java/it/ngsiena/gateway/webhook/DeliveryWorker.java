package it.ngsiena.gateway.webhook;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import it.ngsiena.contracts.Readers;
import it.ngsiena.contracts.programme.WebhookSubscriptionSuspended;
import it.ngsiena.gateway.activity.ActivityEntry;
import it.ngsiena.gateway.activity.ActivityFilter;
import it.ngsiena.gateway.activity.ActivityRepository;
import it.ngsiena.gateway.activity.NewActivity;
import it.ngsiena.kernel.directory.Directory;
import it.ngsiena.kernel.outbox.Outbox;
import it.ngsiena.kernel.persistence.AuditedEntity;
import it.ngsiena.kernel.worker.Heartbeat;
import it.ngsiena.kernel.worker.Periodic;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Delivers the feed to the subscriptions, each in feed order, at least once. A turn takes one due
 * subscription under a lease (so that two gateway replicas never work on the same one), sends the next
 * matching events one after the other, and moves the subscription's position past each event the receiver
 * took (2xx) in its own transaction; the first failure ends the turn and schedules the same event again
 * ({@link RetrySchedule}). A subscription whose next event has failed for the retry window is suspended
 * and its owner told by e-mail. A process that dies mid-turn loses nothing: its position is where the last
 * acknowledged event left it and its lease runs out.
 *
 * <p>Each subscription is a lane of its own: up to {@code ngs.webhooks.concurrency} turns run at once, and
 * a turn holds no thread while its receiver answers ({@link WebhookSender} is asynchronous; the database
 * steps run on a few threads of the worker's). A receiver that answers slowly, or not at all until the time
 * limit, delays its own subscription only.
 */
@ApplicationScoped
public class DeliveryWorker {

    private static final Logger LOG = Logger.getLogger(DeliveryWorker.class);
    private static final int ERROR_LENGTH = 500;
    private static final int WORK_THREADS = 4;

    private final ActivityRepository activity;
    private final TargetGuard guard;
    private final WebhookSender sender;
    private final SuspensionNotices notices;
    private final OwnerCheck owners;
    private final SecretSeal seal;
    private final Outbox outbox;
    private final WebhooksConfig config;
    private final RetrySchedule retries;
    private final EntityManager em;
    private final ObjectMapper json;
    private final boolean enabled;
    private final AtomicBoolean newEntries = new AtomicBoolean();
    /** When this replica last stored feed entries (nanoTime): a turn that began before it has not seen them. */
    private final AtomicLong storedAt = new AtomicLong(System.nanoTime());
    /** Whether any subscription was active at the last run; until the first run, assumed so. */
    private volatile boolean anyActive = true;
    /** When the delivery log was last purged (nanoTime); at most once an hour. */
    private long lastPurge = System.nanoTime();

    private volatile Periodic periodic;
    private final Heartbeat heartbeat = new Heartbeat("webhook-deliveries");
    private volatile boolean threadKnown;
    /** Turns that may run at once, each one subscription's lane. */
    private final Semaphore lanes;
    /** The threads of the turns' database steps (short transactions) and address checks. */
    private final ExecutorService work;
    /** Wakes the worker when a subscription is due again (runs merge: Periodic.now). */
    private final ScheduledExecutorService wakeUps = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "webhook-deliveries-wake");
        thread.setDaemon(true);
        return thread;
    });

    DeliveryWorker(
            ActivityRepository activity,
            TargetGuard guard,
            WebhookSender sender,
            SuspensionNotices notices,
            OwnerCheck owners,
            SecretSeal seal,
            Outbox outbox,
            WebhooksConfig config,
            EntityManager em,
            ObjectMapper json,
            @ConfigProperty(name = "ngs.webhooks.enabled", defaultValue = "true") boolean enabled) {
        this.activity = activity;
        this.guard = guard;
        this.sender = sender;
        this.notices = notices;
        this.owners = owners;
        this.seal = seal;
        this.outbox = outbox;
        this.config = config;
        this.retries = new RetrySchedule(config.firstRetry(), config.maxRetry());
        this.em = em;
        this.json = json;
        this.enabled = enabled;
        this.lanes = new Semaphore(config.concurrency());
        this.work = Executors.newFixedThreadPool(WORK_THREADS, r -> {
            Thread thread = new Thread(r, "webhook-deliveries-work");
            thread.setDaemon(true);
            return thread;
        });
    }

    void start(@Observes StartupEvent start) {
        if (enabled) {
            periodic = Periodic.start("webhook-deliveries", config.poll(), this::run);
        }
    }

    void stop(@Observes ShutdownEvent stop) {
        heartbeat.stopped();
        if (periodic != null) {
            periodic.stop();
        }
        work.shutdownNow();
        wakeUps.shutdownNow();
    }

    /**
     * New entries in the feed: subscriptions waiting with nothing to do have something now. Without an
     * active subscription (as of the last run) there is nobody to wake: the periodic run finds new ones.
     */
    void stored(@Observes(during = TransactionPhase.AFTER_SUCCESS) NewActivity.Stored stored) {
        storedAt.set(System.nanoTime());
        newEntries.set(true);
        if (periodic != null && anyActive) {
            periodic.now();
        }
    }

    /** One run: a turn for each due subscription, as many at once as there are free lanes. */
    void run() {
        if (!threadKnown) {
            threadKnown = true;
            heartbeat.started(Thread.currentThread());
        }
        heartbeat.beat();
        try {
            anyActive = QuarkusTransaction.requiringNew().call(() -> (Boolean)
                    em.createNativeQuery("select exists (select 1 from webhook_subscription where status = 'ACTIVE')")
                            .getSingleResult());
            if (newEntries.getAndSet(false)) {
                QuarkusTransaction.requiringNew()
                        .run(() -> em.createQuery("""
                        update WebhookSubscription set nextAttemptAt = :now
                        where status = :active and failingSince is null and nextAttemptAt > :now""")
                                .setParameter("now", AuditedEntity.now())
                                .setParameter("active", WebhookSubscription.Status.ACTIVE)
                                .executeUpdate());
            }
            if (System.nanoTime() - lastPurge > java.time.Duration.ofHours(1).toNanos()) {
                lastPurge = System.nanoTime();
                int purged = purgeDeliveryLog();
                if (purged > 0) {
                    LOG.infof(
                            "Webhook delivery log: %d attempts older than %s purged",
                            purged, config.deliveryLogRetention());
                }
            }
            while (!Thread.currentThread().isInterrupted() && lanes.tryAcquire()) {
                UUID due = claimDue();
                if (due == null) {
                    lanes.release();
                    break;
                }
                turn(due).whenComplete((done, failure) -> {
                    if (failure != null) {
                        LOG.warnf(failure, "Webhook subscription %s: a turn failed; its lease runs out", due);
                    }
                    lanes.release();
                    if (periodic != null) {
                        periodic.now(); // a lane is free: another due subscription may take it
                    }
                });
                heartbeat.beat();
            }
        } catch (RuntimeException e) {
            LOG.warnf(e, "Webhook deliveries: a run failed; the next one starts in %s", config.poll());
        }
    }

    /** What the liveness check reads: whether the worker's thread lives and looks for work. */
    Heartbeat heartbeat() {
        return heartbeat;
    }

    /** Deletes the attempts older than the log's retention; answers how many. */
    int purgeDeliveryLog() {
        return QuarkusTransaction.requiringNew()
                .call(() -> em.createQuery("delete from WebhookDelivery where attemptedAt < :before")
                        .setParameter("before", AuditedEntity.now().minus(config.deliveryLogRetention()))
                        .executeUpdate());
    }

    /** The id of a due subscription, now leased to this replica; null when none is due. */
    private UUID claimDue() {
        return QuarkusTransaction.requiringNew().call(() -> {
            @SuppressWarnings("unchecked")
            List<UUID> ids = em.createNativeQuery("""
                    select id from webhook_subscription
                    where status = 'ACTIVE' and next_attempt_at <= now() and (leased_until is null or leased_until < now())
                    order by next_attempt_at limit 1 for update skip locked""", UUID.class).getResultList();
            if (ids.isEmpty()) {
                return null;
            }
            WebhookSubscription s = WebhookSubscription.findById(ids.get(0));
            s.leasedUntil = AuditedEntity.now().plus(config.lease());
            return s.id;
        });
    }

    /** Sends what is due to one subscription, in order, until a failure, the batch size or half the lease. */
    private CompletableFuture<Void> turn(UUID id) {
        long started = System.nanoTime();
        long deadline = started + config.lease().toNanos() / 2;
        return CompletableFuture.supplyAsync(() -> prepare(id), work)
                .thenCompose(prepared -> prepared == null
                        ? CompletableFuture.completedFuture(null)
                        : deliver(id, prepared, 0, deadline)
                                .thenAcceptAsync(delivered -> finish(id, prepared.turn(), delivered, started), work));
    }

    /**
     * The turn's events, read once, and its URL checked and resolved once (every connection goes to that
     * address); null when there is nothing to send: the owner may no longer receive the subscription (it is
     * suspended), or whether they may cannot be told now (it waits).
     */
    private Prepared prepare(UUID id) {
        if (!ownerStillEntitled(id)) {
            return null;
        }
        Turn turn = QuarkusTransaction.requiringNew().call(() -> {
            WebhookSubscription s = WebhookSubscription.findById(id);
            long settled = activity.settledSeq(config.settle());
            ActivityFilter filter = ActivityFilter.of(s.municipality, s.workstream, s.eventTypes);
            List<ActivityEntry> events =
                    activity.between(filter, WebhookSubscriptions.grants(s), s.position, settled, config.batch());
            events.forEach(em::detach);
            return new Turn(s.url, signingSecrets(s), s.position, settled, events, activity.lastSeq() > settled);
        });
        try {
            return new Prepared(turn, guard.check(turn.url()), null);
        } catch (TargetGuard.Refused e) {
            return new Prepared(turn, null, e.getMessage());
        }
    }

    /**
     * Whether the subscription's owner may still receive it ({@link OwnerCheck}). If not, it is suspended with
     * the reason; if the directory cannot be read, the turn waits and nothing is sent meanwhile.
     */
    private boolean ownerStillEntitled(UUID id) {
        WebhookSubscription owner = QuarkusTransaction.requiringNew().call(() -> {
            WebhookSubscription s = WebhookSubscription.findById(id);
            em.detach(s);
            return s;
        });
        String subjectBefore = owner.ownerSubject;
        Optional<String> lost;
        try {
            lost = owners.lost(owner);
        } catch (Directory.Unavailable e) {
            LOG.warnf("Webhook subscription %s waits: its owner cannot be checked (%s)", id, e.getMessage());
            QuarkusTransaction.requiringNew()
                    .run(() -> em.createQuery("""
                    update WebhookSubscription set leasedUntil = null, nextAttemptAt = :next where id = :id""")
                            .setParameter("next", AuditedEntity.now().plus(config.idleRecheck()))
                            .setParameter("id", id)
                            .executeUpdate());
            return false;
        }
        QuarkusTransaction.requiringNew().run(() -> {
            WebhookSubscription s = WebhookSubscription.findById(id, LockModeType.PESSIMISTIC_WRITE);
            if (subjectBefore == null && owner.ownerSubject != null) {
                s.ownerSubject = owner.ownerSubject; // found by name, kept by subject from now on
            }
            if (lost.isPresent() && s.status == WebhookSubscription.Status.ACTIVE) {
                suspend(s, lost.get(), WebhookSubscriptionSuspended.OWNER_NOT_ENTITLED, AuditedEntity.now());
                s.leasedUntil = null;
            }
        });
        return lost.isEmpty();
    }

    /**
     * Delivers the turn's events from {@code index} one after the other; answers how many were delivered. The
     * receiver is waited for without a thread; each attempt is recorded in its own transaction.
     */
    private CompletableFuture<Integer> deliver(UUID id, Prepared prepared, int index, long deadline) {
        List<ActivityEntry> events = prepared.turn().events();
        if (index >= events.size()) {
            return CompletableFuture.completedFuture(index);
        }
        ActivityEntry event = events.get(index);
        byte[] body = CloudEventBody.of(event, json);
        CompletableFuture<WebhookSender.Result> sent = prepared.refused() != null
                ? CompletableFuture.completedFuture(
                        new WebhookSender.Result(null, "refused: the URL " + prepared.refused(), 0))
                : sender.send(
                        prepared.target(),
                        signedHeaders(event.eventId, prepared.turn().secrets(), body),
                        body);
        long expected = index == 0 ? prepared.turn().start() : events.get(index - 1).seq;
        return sent.thenApplyAsync(
                        result -> {
                            // every attempt is recorded, a failure too (the log, the retry, a suspension)
                            boolean ours =
                                    QuarkusTransaction.requiringNew().call(() -> record(id, event, result, expected));
                            return result.delivered() && ours;
                        },
                        work)
                .thenCompose(movedOn -> !movedOn
                        ? CompletableFuture.completedFuture(index)
                        : System.nanoTime() > deadline
                                ? CompletableFuture.completedFuture(index + 1)
                                : deliver(id, prepared, index + 1, deadline));
    }

    /**
     * The turn is over: the subscription moved on when it caught up, and its lease given back. It is looked at
     * again when its newest events have settled (also when entries were stored since the turn began: the
     * wake-up they brought came while it was leased, and must not be lost to the idle recheck), else after the
     * idle recheck; the worker wakes itself then, instead of at its next periodic run.
     */
    private void finish(UUID id, Turn turn, int delivered, long started) {
        boolean caughtUp = delivered == turn.events().size() && turn.events().size() < config.batch();
        Duration wait = turn.unsettled() || storedAt.get() - started > 0 ? config.settle() : config.idleRecheck();
        // a bulk update, not a versioned one: an owner's change meanwhile (a replay, a rotation) must not leave the
        // lease held
        QuarkusTransaction.requiringNew().run(() -> {
            if (caughtUp) {
                // every matching event up to the settled position is delivered: the others need not be read again
                OffsetDateTime next = AuditedEntity.now().plus(wait);
                em.createQuery("""
                        update WebhookSubscription set position = greatest(position, :settled), nextAttemptAt = :next,
                               leasedUntil = null
                        where id = :id and position = :position""")
                        .setParameter("settled", turn.settled())
                        .setParameter("next", next)
                        .setParameter("position", turn.lastDelivered())
                        .setParameter("id", id)
                        .executeUpdate();
            }
            em.createQuery("update WebhookSubscription set leasedUntil = null where id = :id")
                    .setParameter("id", id)
                    .executeUpdate();
        });
        if (caughtUp && periodic != null) {
            wakeUps.schedule(periodic::now, wait.toMillis() + 20, TimeUnit.MILLISECONDS);
        }
    }

    /** A turn ready to send: its events, and the address its URL resolved to, or why the URL is refused. */
    private record Prepared(Turn turn, TargetGuard.Target target, String refused) {}

    /** What one turn works on: from {@code start}, the matching events up to the {@code settled} position. */
    private record Turn(
            String url, List<String> secrets, long start, long settled, List<ActivityEntry> events, boolean unsettled) {

        /** The position once every event of the turn is delivered. */
        long lastDelivered() {
            return events.isEmpty() ? start : events.get(events.size() - 1).seq;
        }
    }

    /**
     * The attempt in the delivery log, and the subscription moved on, or scheduled for a retry or suspended.
     * False when the subscription is gone or its position is no longer {@code expected} (its owner replayed
     * or resumed it meanwhile): then only the log records the attempt, and the turn ends.
     */
    private boolean record(UUID id, ActivityEntry event, WebhookSender.Result result, long expected) {
        // locked, as the owner's changes lock it: one waits for the other instead of failing on a stale version
        WebhookSubscription s = WebhookSubscription.findById(id, LockModeType.PESSIMISTIC_WRITE);
        if (s == null) {
            return false;
        }
        OffsetDateTime now = AuditedEntity.now();
        WebhookDelivery d = new WebhookDelivery();
        d.subscriptionId = id;
        d.eventId = event.eventId;
        d.eventType = event.type;
        d.position = event.seq;
        d.attempt = s.failedAttempts + 1;
        d.outcome = result.delivered() ? WebhookDelivery.Outcome.DELIVERED : WebhookDelivery.Outcome.FAILED;
        d.httpStatus = result.status();
        d.error = truncate(result.error());
        d.latencyMs = (int) result.latencyMillis();
        d.attemptedAt = now;
        d.persist();
        if (s.position != expected) {
            return false;
        }
        if (result.delivered()) {
            s.position = event.seq;
            s.failingSince = null;
            s.failedAttempts = 0;
            s.lastError = null;
            s.nextAttemptAt = now;
            return true;
        }
        s.failedAttempts++;
        s.lastError = d.error;
        if (s.failingSince == null) {
            s.failingSince = now;
        }
        s.nextAttemptAt = now.plus(
                retries.pauseAfter(s.failedAttempts, ThreadLocalRandom.current().nextDouble()));
        if (!now.isBefore(s.failingSince.plus(config.retryWindow()))) {
            suspend(s, s.lastError, WebhookSubscriptionSuspended.DELIVERIES_FAILING, now);
        } else {
            LOG.debugf(
                    "Webhook subscription %s: attempt %d of event %s failed (%s), next at %s",
                    id, d.attempt, event.eventId, s.lastError, s.nextAttemptAt);
        }
        s.updatedAt = now;
        return true;
    }

    /**
     * Suspends it, in the caller's transaction, and tells the owner there: the notice event (their feed,
     * streams and other webhooks) and an e-mail to the subscription's contact, queued in the same transaction.
     */
    private void suspend(WebhookSubscription s, String why, String reason, OffsetDateTime now) {
        s.status = WebhookSubscription.Status.SUSPENDED;
        s.suspendedAt = now;
        s.suspensionReason = reason;
        s.lastError = why;
        s.updatedAt = now;
        outbox.append(
                s.id, new WebhookSubscriptionSuspended(s.id, addressee(s), s.failingSince, why, now, reason), null);
        notices.queue(s);
        LOG.warnf("Webhook subscription %s to %s suspended (%s): %s", s.id, Redacted.url(s.url), reason, why);
    }

    /** Who the notice is for: the owner's account; for a subscription older than subjects, their reader group. */
    static String addressee(WebhookSubscription s) {
        return s.ownerSubject != null ? Readers.subject(s.ownerSubject) : addressee(s.ownerGrants);
    }

    /**
     * The owner as one reader name: the admin, else the officers of their municipality, else their
     * workstream's partner (in the names of Readers, as kept when they registered).
     */
    static String addressee(List<String> ownerGrants) {
        if (ownerGrants.contains(Readers.ADMIN)) {
            return Readers.ADMIN;
        }
        return ownerGrants.stream()
                .filter(g -> g.startsWith("officer:"))
                .findFirst()
                .or(() -> ownerGrants.stream()
                        .filter(g -> g.startsWith("partner:"))
                        .findFirst())
                .orElse(Readers.ADMIN);
    }

    private List<String> signingSecrets(WebhookSubscription s) {
        List<String> secrets = new ArrayList<>(List.of(seal.open(s.id, s.secret)));
        if (s.previousSecret != null
                && s.previousSecretUntil != null
                && s.previousSecretUntil.isAfter(AuditedEntity.now())) {
            secrets.add(seal.open(s.id, s.previousSecret));
        }
        return secrets;
    }

    /** The Standard Webhooks headers: the event id (receivers de-duplicate on it), the time of sending, the signatures. */
    static Map<String, String> signedHeaders(String eventId, List<String> secrets, byte[] body) {
        long timestamp = System.currentTimeMillis() / 1000;
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", CloudEventBody.MEDIA_TYPE);
        headers.put("User-Agent", "NextGenerationSiena-Webhooks/1");
        headers.put("webhook-id", eventId);
        headers.put("webhook-timestamp", Long.toString(timestamp));
        headers.put("webhook-signature", WebhookSignature.header(secrets, eventId, timestamp, body));
        return headers;
    }

    private static String truncate(String error) {
        return error == null || error.length() <= ERROR_LENGTH ? error : error.substring(0, ERROR_LENGTH);
    }
}
