package it.ngsiena.kernel.outbox;

import it.ngsiena.contracts.EventCatalog;
import it.ngsiena.contracts.EventType;
import it.ngsiena.kernel.audit.Actors;
import it.ngsiena.kernel.events.Actor;
import it.ngsiena.kernel.events.EventCodec;
import it.ngsiena.kernel.tracing.TraceContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * Where services write their domain events: in the caller's transaction, so the event exists if and
 * only if the change it reports was committed, with who made it happen ({@link Actors}). The relay is woken
 * right after the commit.
 */
@ApplicationScoped
public class Outbox {

    private final EntityManager em;
    private final TransactionSynchronizationRegistry transactions;
    private final OutboxRelay relay;
    private final TraceContext trace;
    private final Actors actors;

    Outbox(
            EntityManager em,
            TransactionSynchronizationRegistry transactions,
            OutboxRelay relay,
            TraceContext trace,
            Actors actors) {
        this.em = em;
        this.transactions = transactions;
        this.relay = relay;
        this.trace = trace;
        this.actors = actors;
    }

    /**
     * Records an event about an aggregate: its type, topic and source are the catalogue's for the payload's
     * record ({@link EventCatalog}), so a payload cannot go out under another type or from another source.
     *
     * @return the event id (the CloudEvents {@code id})
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public UUID append(UUID aggregateId, Record payload) {
        return append(aggregateId.toString(), payload, null);
    }

    /**
     * Records an event about something that happened at {@code occurredAt} (the CloudEvents {@code time};
     * null: now), e.g. a need collected at a workshop and entered afterwards ({@code OccurredAt}).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public UUID append(UUID aggregateId, Record payload, OffsetDateTime occurredAt) {
        return append(aggregateId.toString(), payload, occurredAt);
    }

    /**
     * The same for an aggregate whose id is not a UUID (a municipality's membership: its ISTAT code), which
     * becomes the event's subject and record key.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public UUID append(String subject, Record payload, OffsetDateTime occurredAt) {
        // Only catalogued types go out: the catalogue is what the schemas and the AsyncAPI document describe.
        EventType type = EventCatalog.PLATFORM.require(payload.getClass());
        OutboxEvent event = new OutboxEvent();
        event.eventId = UUID.randomUUID();
        event.topic = type.source().topic();
        event.source = type.source().source();
        event.type = type.name();
        event.subject = subject;
        event.occurredAt = (occurredAt != null
                        ? occurredAt.withOffsetSameInstant(ZoneOffset.UTC)
                        : OffsetDateTime.now(ZoneOffset.UTC))
                .truncatedTo(ChronoUnit.MICROS);
        event.data = EventCodec.payloadJson(payload);
        event.traceParent = trace.currentTraceparent().orElse(null);
        Actor actor = actors.current();
        event.actorSubject = actor.subject();
        event.actorClient = actor.client();
        event.actorRole = actor.role();
        em.persist(event);
        transactions.registerInterposedSynchronization(new WakeRelayAfterCommit(relay));
        return event.eventId;
    }

    private record WakeRelayAfterCommit(OutboxRelay relay) implements Synchronization {
        @Override
        public void beforeCompletion() {}

        @Override
        public void afterCompletion(int status) {
            if (status == Status.STATUS_COMMITTED) {
                relay.wakeUp();
            }
        }
    }
}
