package it.ngsiena.gateway.programme;

import it.ngsiena.contracts.programme.MembershipChanged;
import it.ngsiena.kernel.http.ETags;
import it.ngsiena.kernel.municipality.Municipality;
import it.ngsiena.kernel.municipality.MunicipalityRegistry;
import it.ngsiena.kernel.outbox.Outbox;
import it.ngsiena.kernel.problem.Problem;
import it.ngsiena.kernel.problem.ProblemException;
import it.ngsiena.kernel.time.OccurredAt;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Which municipalities take part in the programme: data kept by the programme admin. */
@ApplicationScoped
public class MembershipService {

    private final MunicipalityRegistry municipalities;
    private final Outbox outbox;

    private final MembershipRoles roles;
    private final Event<MembershipRoles.Changed> changes;
    private final OccurredAt occurredAt;

    MembershipService(
            MunicipalityRegistry municipalities,
            Outbox outbox,
            MembershipRoles roles,
            Event<MembershipRoles.Changed> changes,
            OccurredAt occurredAt) {
        this.occurredAt = occurredAt;
        this.municipalities = municipalities;
        this.outbox = outbox;
        this.roles = roles;
        this.changes = changes;
    }

    /** The result of recording a membership: whether it was new. */
    public record Recorded(Membership membership, boolean created) {}

    public List<Membership> all() {
        return Membership.<Membership>listAll().stream()
                .sorted(Comparator.comparing(m -> m.istatCode))
                .toList();
    }

    public Membership get(String istatCode) {
        municipality(istatCode);
        return Membership.<Membership>findByIdOptional(istatCode)
                .orElseThrow(() -> ProblemException.notFound("Programme membership of", istatCode));
    }

    /** Creates the membership, or updates it when {@code If-Match} names its current version. */
    @Transactional
    public Recorded record(String istatCode, MembershipRequest request, String ifMatch) {
        municipality(istatCode);
        OffsetDateTime at = occurredAt.orNow("occurredAt", request.occurredAt());
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
        Membership found = Membership.findById(istatCode);
        boolean created = found == null;
        Membership membership = created ? new Membership() : found;
        if (created) {
            membership.istatCode = istatCode;
            membership.createdAt = now;
        } else {
            ETags.requireMatch(ifMatch, membership.version);
        }
        membership.periods.clear();
        request.asPeriods()
                .forEach(p -> membership.periods.add(new MembershipPeriod(p.joinedOn(), p.leftOn(), p.role())));
        membership.note = request.note();
        membership.updatedAt = now;
        if (created) {
            membership.persist();
        }
        Membership.flush();
        // in the same transaction as the membership: the event exists if and only if the change does
        outbox.append(
                istatCode,
                new MembershipChanged(
                        istatCode,
                        List.of(istatCode),
                        membership.periods.stream()
                                .map(p -> new MembershipChanged.Period(p.joinedOn, p.leftOn, p.role.name()))
                                .toList(),
                        at),
                at);
        changes.fire(new MembershipRoles.Changed(istatCode));
        return new Recorded(membership, created);
    }

    public MembershipView view(Membership m, LocalDate day) {
        MembershipRole role = m.roleOn(day).orElse(null);
        return new MembershipView(
                m.istatCode,
                municipality(m.istatCode).name(),
                m.firstJoined(),
                m.lastLeft(),
                role != null,
                role,
                role == null ? null : role.labelIt(),
                role == null ? null : role.labelEn(),
                m.periods.stream()
                        .map(p -> new MembershipView.Period(p.joinedOn, p.leftOn, p.role))
                        .toList(),
                m.note,
                m.createdAt,
                m.updatedAt,
                m.version);
    }

    /** The members on a day, by role: what the KPIs count (one query; periods never overlap). */
    @Transactional
    public Map<MembershipRole, Long> membersOn(LocalDate day) {
        Map<MembershipRole, Long> byRole = new EnumMap<>(MembershipRole.class);
        for (Object[] row : Membership.getEntityManager()
                .createQuery("""
                select p.role, count(m) from Membership m join m.periods p
                where p.joinedOn <= :day and (p.leftOn is null or p.leftOn > :day) group by p.role""", Object[].class)
                .setParameter("day", day)
                .getResultList()) {
            byRole.put((MembershipRole) row[0], (Long) row[1]);
        }
        return byRole;
    }

    /** A municipality's role on a day, if it took part then. */
    @Transactional
    public Optional<MembershipRole> roleOn(String istatCode, LocalDate day) {
        return roles.roleOn(istatCode, day);
    }

    /** Changes whenever any membership changes: part of the ETags of answers that count members. */
    @Transactional
    public String stamp() {
        Object[] row = (Object[]) Membership.getEntityManager()
                .createQuery("select count(m), max(m.updatedAt) from Membership m")
                .getSingleResult();
        return row[0] + "@"
                + (row[1] == null ? "" : ((OffsetDateTime) row[1]).toInstant().toEpochMilli());
    }

    /** A day given as a query parameter (ISO 8601), today when absent. */
    public static LocalDate day(String name, String value) {
        if (value == null) {
            return LocalDate.now();
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw ProblemException.invalid(List.of(new Problem.Violation(name, "must be a date like 2022-03-24")));
        }
    }

    private Municipality municipality(String istatCode) {
        return municipalities.find(istatCode).orElseThrow(() -> ProblemException.notFound("Municipality", istatCode));
    }
}
