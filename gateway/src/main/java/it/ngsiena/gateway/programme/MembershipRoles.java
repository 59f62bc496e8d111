package it.ngsiena.gateway.programme;

import it.ngsiena.kernel.worker.Refreshed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
    public record Changed(String istatCode) {}

    private record Period(LocalDate joinedOn, LocalDate leftOn, MembershipRole role) {
        boolean covers(LocalDate day) {
            return MembershipPeriod.covers(joinedOn, leftOn, day);
        }
    }

    /** Every municipality's periods, by ISTAT code. */
    private final Refreshed<Map<String, List<Period>>> periods;

    MembershipRoles(@ConfigProperty(name = "ngs.gateway.memberships.refresh", defaultValue = "1s") Duration refresh) {
        this.periods = new Refreshed<>(refresh);
    }

    /** The municipality's role on that day, if it took part then. Call within a transaction (it may load). */
    public Optional<MembershipRole> roleOn(String istatCode, LocalDate day) {
        return periods.get(MembershipRoles::load).getOrDefault(istatCode, List.of()).stream()
                .filter(p -> p.covers(day))
                .map(Period::role)
                .findFirst();
    }

    void changed(@Observes(during = TransactionPhase.AFTER_SUCCESS) Changed change) {
        periods.invalidate();
    }

    private static Map<String, List<Period>> load() {
        Map<String, List<Period>> periods = new HashMap<>();
        for (Membership m : Membership.<Membership>listAll()) {
            periods.put(
                    m.istatCode,
                    m.periods.stream()
                            .map(p -> new Period(p.joinedOn, p.leftOn, p.role))
                            .toList());
        }
        return Map.copyOf(periods);
    }
}
