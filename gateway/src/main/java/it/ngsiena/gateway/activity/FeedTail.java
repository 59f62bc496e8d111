package it.ngsiena.gateway.activity;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownDelayInitiatedEvent;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;
import it.ngsiena.contracts.training.ParticipantErased;
import it.ngsiena.kernel.worker.Periodic;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jboss.logging.Logger;

/**
 * The newest entries of the feed, read once for every live stream: one reader follows the feed (woken when
 * this replica stores entries, and every {@value #LOOK_EVERY_MILLIS} ms for those another replica stored)
 * and keeps the last {@value #KEEP} entries in memory; each stream picks what its caller may see from there.
 * With 500 streams open that is one query a look, not 500 a second. A stream further behind than what is kept
 * (a reconnect after a long break) reads its backlog from the database once, then follows here.
 */
@ApplicationScoped
public class FeedTail {

    private static final Logger LOG = Logger.getLogger(FeedTail.class);
    static final int KEEP = 2_000;
    private static final int READ_AT_ONCE = 500;
    private static final long LOOK_EVERY_MILLIS = 1_000;

    /** An entry as streams send it: its JSON written once. */
    record Kept(ActivityEntry entry, String json) {}

    private final ActivityRepository activity;
    private final EntityManager em;
    private final ObjectMapper json;
    private final Deque<Kept> kept = new ArrayDeque<>();
    private final BroadcastProcessor<Long> moved = BroadcastProcessor.create();
    private final AtomicBoolean streamsEnded = new AtomicBoolean();
    /** The position up to which every entry has been read; the kept entries are those after {@link #floor}. */
    private long position;
    /** Entries after this position are all kept (older ones have been dropped, or were never read). */
    private long floor;

    private volatile Periodic reader;

    FeedTail(ActivityRepository activity, EntityManager em, ObjectMapper json) {
        this.activity = activity;
        this.em = em;
        this.json = json;
    }

    void start(@Observes StartupEvent start) {
        long now = QuarkusTransaction.requiringNew().call(activity::lastSeq);
        synchronized (this) {
            position = now;
            floor = now;
        }
        reader = Periodic.start("feed-tail", Duration.ofMillis(LOOK_EVERY_MILLIS), this::look);
    }

    /**
     * Shutdown begins, before the HTTP drain: the live streams end now (their clients resume on another replica
     * with Last-Event-ID) instead of holding the drain for its whole timeout. Quarkus fires this event because
     * quarkus.shutdown.delay-enabled is set (application.properties).
     */
    void draining(@Observes ShutdownDelayInitiatedEvent draining) {
        endStreams();
    }

    void stop(@Observes ShutdownEvent stop) {
        if (reader != null) {
            reader.stop();
        }
        endStreams();
    }

    private void endStreams() {
        if (streamsEnded.compareAndSet(false, true)) {
            moved.onComplete();
        }
    }

    /** This replica stored entries: look now. */
    void stored(@Observes(during = TransactionPhase.AFTER_SUCCESS) NewActivity.Stored stored) {
        if (reader != null) {
            reader.now();
        }
    }

    /** Reads what was stored since the last look, keeps it, and tells the streams. */
    void look() {
        try {
            long from;
            synchronized (this) {
                from = position;
            }
            List<ActivityEntry> read;
            do {
                long after = from;
                read = QuarkusTransaction.requiringNew().call(() -> {
                    List<ActivityEntry> entries = activity.allAfter(after, READ_AT_ONCE);
                    entries.forEach(em::detach);
                    return entries;
                });
                if (!read.isEmpty()) {
                    keep(from, read);
                    from = read.get(read.size() - 1).seq;
                }
            } while (read.size() == READ_AT_ONCE);
            synchronized (this) {
                position = Math.max(position, from);
            }
            moved.onNext(from);
        } catch (RuntimeException e) {
            LOG.warnf("The feed's tail could not be read (%s); the next look tries again", e.getMessage());
        }
    }

    /** Keeps the entries read after position {@code readAfter}. */
    private void keep(long readAfter, List<ActivityEntry> entries) {
        List<Kept> written = entries.stream()
                .map(e -> new Kept(e, ActivityItem.jsonOf(e, json)))
                .toList();
        boolean erasure = entries.stream().anyMatch(e -> ParticipantErased.TYPE.equals(e.type));
        synchronized (this) {
            if (erasure) {
                // entries kept before may name the participant; the feed has them pseudonymised since the
                // erasure's commit, which these entries were read after: streams read older ones from there
                kept.clear();
                floor = Math.max(floor, readAfter);
            }
            for (Kept entry : written) {
                kept.addLast(entry);
                if (kept.size() > KEEP) {
                    floor = kept.removeFirst().entry().seq;
                }
            }
        }
    }

    /** What a stream sends next: the entries, and the position it has then seen everything up to. */
    record Batch(List<Kept> entries, long upTo) {}

    /**
     * Up to {@code limit} kept entries after {@code after} that match, oldest first; empty when entries after
     * {@code after} are no longer (or not yet) kept, and the caller must read them from the database.
     */
    synchronized Optional<Batch> after(long after, ActivityFilter filter, java.util.Set<String> grants, int limit) {
        if (after < floor) {
            return Optional.empty();
        }
        List<Kept> matching = new ArrayList<>();
        for (Kept kept : this.kept) {
            ActivityEntry entry = kept.entry();
            if (entry.seq > after && filter.admits(entry, grants)) {
                matching.add(kept);
                if (matching.size() == limit) {
                    return Optional.of(new Batch(matching, entry.seq));
                }
            }
        }
        return Optional.of(new Batch(matching, Math.max(after, position)));
    }

    /** The position read up to: what a stream that starts now starts after. */
    synchronized long position() {
        return position;
    }

    /** A hot stream of the positions read up to, one item per look that found something or not. */
    Multi<Long> moves() {
        return moved;
    }
}
