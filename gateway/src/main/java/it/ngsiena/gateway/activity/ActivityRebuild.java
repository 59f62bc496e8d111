package it.ngsiena.gateway.activity;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import it.ngsiena.contracts.EventSource;
import it.ngsiena.kernel.events.EventCodec;
import it.ngsiena.kernel.events.IncomingEvent;
import it.ngsiena.kernel.events.MalformedEventException;
import it.ngsiena.kernel.kafka.KafkaClients;
import it.ngsiena.kernel.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.jboss.logging.Logger;
import org.postgresql.PGConnection;

/**
 * Rebuilds the feed, and with it every figure computed from it, from the beginning of the four topics:
 * reads them again up to their current end into a scratch table with today's projection code, then
 * makes the feed agree with it in one transaction (rows re-derived, missing ones added). Positions of
 * existing rows are kept, so stream clients resume where they were; events consumed meanwhile stay.
 *
 * <p>One rebuild at a time across every gateway instance (they share the scratch table): a PostgreSQL
 * advisory lock held on a connection of its own for the whole rebuild; a second one is a 409. A rebuild
 * that cannot read the topics (Kafka gone, no progress for {@code ngs.gateway.rebuild.stall}, longer than
 * {@code ngs.gateway.rebuild.timeout}) fails before its merge, leaving the live feed as it was.
 */
@ApplicationScoped
public class ActivityRebuild {

    private static final Logger LOG = Logger.getLogger(ActivityRebuild.class);
    /** Events read and stored per poll: fewer, larger transactions (200 per poll ran at ~11,000 events/s). */
    private static final int READ_BATCH = 5000;

    private static final DateTimeFormatter TIME = DateTimeFormatter.ISO_OFFSET_DATE_TIME;

    /** Advisory lock key held by the rebuild that runs ("NGS" rebuild). */
    static final long REBUILD_LOCK = 0x4e47_5302L;

    private final KafkaClients kafka;
    private final EntityManager em;
    private final ParticipantErasures erasures;
    private final AgroalDataSource dataSource;
    private final Duration timeout;
    private final Duration stall;

    private final jakarta.enterprise.event.Event<Result> done;

    ActivityRebuild(
            KafkaClients kafka,
            EntityManager em,
            ParticipantErasures erasures,
            AgroalDataSource dataSource,
            jakarta.enterprise.event.Event<Result> done,
            @ConfigProperty(name = "ngs.gateway.rebuild.timeout", defaultValue = "10m") Duration timeout,
            @ConfigProperty(name = "ngs.gateway.rebuild.stall", defaultValue = "30s") Duration stall) {
        this.kafka = kafka;
        this.em = em;
        this.erasures = erasures;
        this.dataSource = dataSource;
        this.done = done;
        this.timeout = timeout;
        this.stall = stall;
    }

    /** What a rebuild did. */
    public record Result(
            @Schema(description = "Events read from the log")
            long eventsRead,

            @Schema(description = "Rows of the read models changed")
            long rowsChanged,

            @Schema(description = "Rows of the read models added")
            long rowsAdded,

            @Schema(description = "How long the rebuild took, in milliseconds")
            long millis) {}

    /** Runs a rebuild; 409 while another runs (here or on another instance), 503 when the topics cannot be read. */
    public Result rebuild() {
        try (Connection lock = dataSource.getConnection()) {
            if (!advisoryLock(lock, "pg_try_advisory_lock")) {
                throw ProblemException.conflict(
                        "A rebuild is already running (on this or another gateway instance)", Map.of());
            }
            try {
                return rebuildHoldingTheLock();
            } catch (KafkaException | IllegalStateException e) {
                LOG.warnf("Rebuild failed before its merge, the feed is untouched: %s", e.toString());
                throw ProblemException.of(
                                503,
                                "rebuild-failed",
                                "Rebuild failed",
                                "The topics could not be read to" + " the end (" + e.getMessage()
                                        + "); the feed is as it was. Try again later.")
                        .withHeader("Retry-After", "60");
            } finally {
                advisoryLock(lock, "pg_advisory_unlock");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("the rebuild's lock", e);
        }
    }

    private static boolean advisoryLock(Connection connection, String function) throws SQLException {
        try (var statement = connection.prepareStatement("select " + function + "(?)")) {
            statement.setLong(1, REBUILD_LOCK);
            try (var result = statement.executeQuery()) {
                return result.next() && result.getBoolean(1);
            }
        }
    }

    private Result rebuildHoldingTheLock() {
        long started = System.nanoTime();
        long deadline = started + timeout.toNanos();
        QuarkusTransaction.requiringNew()
                .run(() -> em.createNativeQuery("truncate activity_rebuild").executeUpdate());
        long read = 0;
        // The loads run on a thread of their own, one at a time and in order, so that the next batch is read
        // and decoded (JVM) while PostgreSQL takes the previous one (COPY): the two use both cores.
        ExecutorService loader = Executors.newSingleThreadExecutor(r -> new Thread(r, "rebuild-copy"));
        Future<?> loading = CompletableFuture.completedFuture(null);
        try (KafkaConsumer<String, byte[]> consumer =
                kafka.consumer("gateway-rebuild", "gateway-rebuild-" + UUID.randomUUID(), READ_BATCH)) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (EventSource source : EventSource.all()) {
                consumer.partitionsFor(source.topic(), Duration.ofSeconds(10))
                        .forEach(p -> partitions.add(new TopicPartition(p.topic(), p.partition())));
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            long lastRecord = System.nanoTime();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                long now = System.nanoTime();
                if (now - deadline > 0) {
                    throw new IllegalStateException("not done within " + timeout);
                }
                if (now - lastRecord > stall.toNanos()) {
                    throw new IllegalStateException("no record for " + stall.toSeconds() + " s");
                }
                List<FeedRow> batch = new ArrayList<>();
                var records = consumer.poll(Duration.ofMillis(500));
                if (!records.isEmpty()) {
                    lastRecord = System.nanoTime();
                }
                for (ConsumerRecord<String, byte[]> record : records) {
                    try {
                        IncomingEvent event = EventCodec.decode(record.topic(), record.value());
                        Optional<String> foreign = event.foreignToItsTopic();
                        if (foreign.isPresent()) {
                            // the consumer set it aside too: the rebuilt feed equals the one built as events came
                            LOG.debugf(
                                    "Rebuild skips the record at %s-%d@%d: %s",
                                    record.topic(), record.partition(), record.offset(), foreign.get());
                            continue;
                        }
                        batch.add(FeedRow.of(event));
                    } catch (MalformedEventException e) {
                        LOG.debugf(
                                "Rebuild skips an unreadable record at %s-%d@%d",
                                record.topic(), record.partition(), record.offset());
                    }
                }
                read += batch.size();
                awaitLoad(loading);
                loading = loader.submit(() -> copyIntoScratch(batch));
            }
            awaitLoad(loading);
        } finally {
            loader.shutdownNow();
        }
        long readMillis = (System.nanoTime() - started) / 1_000_000;
        long[] applied = QuarkusTransaction.requiringNew().call(() -> {
            em.createNativeQuery("lock table activity in share row exclusive mode")
                    .executeUpdate();
            // the log still names erased participants: their rows get their pseudonyms before the merge
            erasures.applyToScratch();
            int changed = em.createNativeQuery("""
                    update activity a set event_type = r.event_type, workstream = r.workstream, source = r.source,
                           subject = r.subject, occurred_at = r.occurred_at, municipalities = r.municipalities,
                           title = r.title, data = r.data, readers = r.readers, actor_sub = r.actor_sub,
                           actor_client = r.actor_client, actor_role = r.actor_role
                    from (select distinct on (event_id) * from activity_rebuild order by event_id, read_order) r
                    where a.event_id = r.event_id and (a.event_type, a.workstream, a.source, a.subject, a.occurred_at,
                          a.municipalities, a.title, a.data, a.readers, a.actor_sub, a.actor_client, a.actor_role)
                          is distinct from (r.event_type, r.workstream, r.source, r.subject, r.occurred_at,
                          r.municipalities, r.title, r.data, r.readers, r.actor_sub, r.actor_client, r.actor_role)""").executeUpdate();
            int added = em.createNativeQuery("""
                    insert into activity (event_id, event_type, workstream, source, subject, occurred_at,
                                          municipalities, title, data, readers, actor_sub, actor_client, actor_role)
                    select event_id, event_type, workstream, source, subject, occurred_at, municipalities, title,
                           data, readers, actor_sub, actor_client, actor_role
                    from (select distinct on (event_id) * from activity_rebuild order by event_id, read_order) r
                    where not exists (select 1 from activity a where a.event_id = r.event_id)
                    order by occurred_at, event_id""").executeUpdate();
            return new long[] {changed, added};
        });
        long millis = (System.nanoTime() - started) / 1_000_000;
        LOG.infof(
                "Rebuild read %d events in %d ms, then %d rows re-derived, %d added, in %d ms in all",
                read, readMillis, applied[0], applied[1], millis);
        Result result = new Result(read, applied[0], applied[1], millis);
        done.fire(result); // read models derived from the feed must forget what they computed before
        return result;
    }

    /**
     * Adds the rows to the scratch table with COPY, PostgreSQL's bulk load (less work per row than
     * INSERTs). It takes duplicates (an event id read twice); the merge keeps the first one read, as the
     * live feed does.
     */
    private static void awaitLoad(Future<?> loading) {
        try {
            loading.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while loading the scratch table", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("loading the scratch table failed: " + e.getCause(), e.getCause());
        }
    }

    private void copyIntoScratch(List<FeedRow> rows) {
        StringBuilder csv = new StringBuilder(rows.size() * 512);
        for (FeedRow row : rows) {
            csv.append(quoted(row.eventId()))
                    .append(',')
                    .append(quoted(row.type()))
                    .append(',')
                    .append(quoted(row.workstream()))
                    .append(',')
                    .append(quoted(row.source()))
                    .append(',')
                    .append(quoted(row.subject()))
                    .append(',')
                    .append(quoted(TIME.format(row.time())))
                    .append(',')
                    .append(quoted(textArray(row.municipalities())))
                    .append(',')
                    .append(quoted(row.title()))
                    .append(',')
                    .append(quoted(row.data()))
                    .append(',')
                    .append(quoted(textArray(row.readers())))
                    .append(',')
                    .append(quoted(row.actorSubject()))
                    .append(',')
                    .append(quoted(row.actorClient()))
                    .append(',')
                    .append(quoted(row.actorRole()))
                    .append('\n');
        }
        // a connection of its own, outside any transaction: each batch's COPY commits by itself
        try (Connection connection = dataSource.getConnection()) {
            connection.unwrap(PGConnection.class).getCopyAPI().copyIn("""
                    copy activity_rebuild (event_id, event_type, workstream, source, subject, occurred_at,
                                           municipalities, title, data, readers, actor_sub, actor_client,
                                           actor_role) from stdin (format csv)""", new StringReader(csv.toString()));
        } catch (SQLException e) {
            throw new IllegalStateException("COPY into the scratch table", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A CSV field: quoted, inner quotes doubled; null is the unquoted empty field, which COPY reads as NULL. */
    private static String quoted(String value) {
        return value == null ? "" : '"' + value.replace("\"", "\"\"") + '"';
    }

    /** A PostgreSQL text[] literal: every element quoted, backslashes and quotes escaped. */
    private static String textArray(List<String> values) {
        StringBuilder literal = new StringBuilder("{");
        for (String value : values) {
            if (literal.length() > 1) {
                literal.append(',');
            }
            literal.append('"')
                    .append(value.replace("\\", "\\\\").replace("\"", "\\\""))
                    .append('"');
        }
        return literal.append('}').toString();
    }
}
