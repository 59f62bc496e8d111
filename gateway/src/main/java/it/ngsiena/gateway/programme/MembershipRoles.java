package it.ngsiena.gateway.programme;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Every municipality's membership periods, kept in memory: the overview names the municipality's role on
 * each request, and memberships change a few times a year. Loaded again after a change recorded by this
 * instance (once it is committed), and at most {@code ngs.gateway.memberships.refresh} (1 s) after a
 * change recorded by another gateway instance.
 */
@ApplicationScoped
public class MembershipRoles {

    /** Fired by {@link MembershipService} with a membership's change; observed once the change is committed. */
    public record Changed(String istatCode) {
    }

    private record Period(LocalDate joinedOn, LocalDate leftOn, MembershipRole role) {
        boolean covers(LocalDate day) {
            return MembershipPeriod.covers(joinedOn, leftOn, day);
        }
    }

    private record Snapshot(Map<String, List<Period>> periods, long loadedAt) {
    }

    private final long refreshNanos;
    private volatile Snapshot snapshot;
    /** Counts the changes committed here: a load that a change overtook is not kept. */
    private final AtomicLong changes = new AtomicLong();

    MembershipRoles(@ConfigProperty(name = "ngs.gateway.memberships.refresh", defaultValue = "1s") Duration refresh) {
        this.refreshNanos = refresh.toNanos();
    }

    /** The municipality's role on that day, if it took part then. Call within a transaction (it may load). */
    public Optional<MembershipRole> roleOn(String istatCode, LocalDate day) {
        Snapshot current = snapshot;
        if (current == null || System.nanoTime() - current.loadedAt() >= refreshNanos) {
            current = load();
        }
        return current.periods().getOrDefault(istatCode, List.of()).stream()
                .filter(p -> p.covers(day)).map(Period::role).findFirst();
    }

    void changed(@Observes(during = TransactionPhase.AFTER_SUCCESS) Changed change) {
        changes.incrementAndGet();
        snapshot = null;
    }

    private Snapshot load() {
        long loadedAt = System.nanoTime();
        long changesBefore = changes.get();
        Map<String, List<Period>> periods = new HashMap<>();
        for (Membership m : Membership.<Membership>listAll()) {
            periods.put(m.istatCode, m.periods.stream().map(p -> new Period(p.joinedOn, p.leftOn, p.role)).toList());
        }
        Snapshot loaded = new Snapshot(Map.copyOf(periods), loadedAt);
        if (changes.get() == changesBefore) {
            snapshot = loaded;
        }
        return loaded;
    }
}
