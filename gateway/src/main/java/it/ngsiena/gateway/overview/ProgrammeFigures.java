package it.ngsiena.gateway.overview;

import it.ngsiena.contracts.comms.AnnouncementArchived;
import it.ngsiena.contracts.comms.AnnouncementPublished;
import it.ngsiena.contracts.feasibility.FundingSourceAdded;
import it.ngsiena.contracts.feasibility.FundingSourceChanged;
import it.ngsiena.contracts.feasibility.StudyAbandoned;
import it.ngsiena.contracts.feasibility.StudyCompleted;
import it.ngsiena.contracts.feasibility.StudyRequested;
import it.ngsiena.contracts.feasibility.StudyStarted;
import it.ngsiena.contracts.participation.EndorsementWithdrawn;
import it.ngsiena.contracts.participation.NeedAreaWideEnded;
import it.ngsiena.contracts.participation.NeedBecameAreaWide;
import it.ngsiena.contracts.participation.NeedEndorsed;
import it.ngsiena.contracts.participation.NeedPrioritised;
import it.ngsiena.contracts.participation.NeedRejected;
import it.ngsiena.contracts.participation.NeedStatusChanged;
import it.ngsiena.contracts.participation.NeedSubmitted;
import it.ngsiena.contracts.training.AttendanceRecorded;
import it.ngsiena.contracts.training.CertificateIssued;
import it.ngsiena.contracts.training.CertificateRevoked;
import it.ngsiena.contracts.training.ParticipantEnrolled;
import it.ngsiena.contracts.training.SessionHeld;
import it.ngsiena.gateway.activity.ActivityRebuild;
import it.ngsiena.gateway.activity.NewActivity;
import it.ngsiena.gateway.reporting.Period;
import it.ngsiena.kernel.worker.Refreshed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The programme's figures, computed by PostgreSQL from the activity log the gateway keeps of every
 * event, as seen by one caller: each query reads only the events whose readers share a name with the
 * caller's grants, so a figure counts nothing the caller may not see. Each aggregate's state is its
 * latest visible event (by arrival, which Kafka keeps in order per aggregate), so the figures are the
 * same whatever the order of events across topics, and a duplicate delivery (same event id) is never
 * stored twice.
 */
@ApplicationScoped
public class ProgrammeFigures {

    private final EntityManager em;
    private final VisibleActivity visible;

    /** The log position, kept briefly (see {@link #logPosition}). */
    private final Refreshed<Long> position;

    ProgrammeFigures(
            EntityManager em,
            VisibleActivity visible,
            @ConfigProperty(name = "ngs.gateway.figures.position-refresh", defaultValue = "250ms")
                    Duration positionRefresh) {
        this.position = new Refreshed<>(positionRefresh);
        this.em = em;
        this.visible = visible;
    }

    /** Training figures of a municipality: from enrolments, the attendance totals and certificates. */
    public MunicipalityOverview.Training training(Set<String> grants, String m) {
        long enrolled = count(
                grants,
                "select count(distinct data->>'participantId') from $visible a where event_type = ?2"
                        + " and data->>'municipality' = ?3 and data->>'status' = 'ENROLLED'",
                ParticipantEnrolled.TYPE,
                m);
        Map<String, Long> byRole = grouped(grants, """
                select coalesce(role, 'UNKNOWN'), count(*) from (
                  select distinct on (data->>'participantId') data->>'participantRole' as role from $visible a
                  where event_type = ?2 and data->>'municipality' = ?3 and data->>'status' = 'ENROLLED'
                  order by data->>'participantId', seq desc) p group by 1""", ParticipantEnrolled.TYPE, m);
        // certificates that hold: issued and not revoked since
        long certificates = count(
                grants,
                "select count(*) from $visible a where event_type = ?2 and data->>'municipality' = ?3"
                        + " and not exists (select 1 from $visible r where r.event_type = ?4"
                        + " and r.data->>'certificateId' = a.data->>'certificateId')",
                CertificateIssued.TYPE,
                m,
                CertificateRevoked.TYPE);
        Object[] attendance = (Object[]) visible.query(grants, """
                select count(*), coalesce(sum((a->>'hours')::numeric), 0), coalesce(sum((a->>'attendees')::int), 0)
                from (select distinct on (data->>'sessionId') data->'attendance' as att from $visible v
                      where event_type in (?2, ?3) order by data->>'sessionId', seq desc) s,
                     jsonb_array_elements(s.att) a
                where a->>'municipality' = ?4 and (a->>'attendees')::int > 0""", SessionHeld.TYPE, AttendanceRecorded.TYPE, m)
                .getSingleResult();
        return new MunicipalityOverview.Training(
                enrolled,
                byRole,
                ((Number) attendance[2]).longValue(),
                (BigDecimal) attendance[1],
                ((Number) attendance[0]).longValue(),
                certificates);
    }

    /** Participation figures: needs by their latest status, area-wide needs, endorsements. */
    public MunicipalityOverview.Participation participation(Set<String> grants, String m) {
        Map<String, Long> byStatus = grouped(
                grants, """
                select status, count(*) from (
                  select distinct on (data->>'needId')
                         case event_type when ?2 then 'SUBMITTED' when ?3 then 'PRIORITISED' when ?4 then 'REJECTED'
                                         else data->>'to' end as status
                  from $visible a where event_type in (?2, ?3, ?4, ?5) and jsonb_exists(data->'municipalities', ?6)
                  order by data->>'needId', seq desc) n group by status""", NeedSubmitted.TYPE, NeedPrioritised.TYPE, NeedRejected.TYPE, NeedStatusChanged.TYPE, m);
        // area-wide now: the latest of became / ended is became
        long areaWide = count(
                grants,
                "select count(*) from (select distinct on (data->>'needId') event_type, data from $visible a"
                        + " where event_type in (?2, ?4) order by data->>'needId', seq desc) n where event_type = ?2"
                        + " and (jsonb_exists(data->'municipalities', ?3) or jsonb_exists(data->'endorsers', ?3))",
                NeedBecameAreaWide.TYPE,
                m,
                NeedAreaWideEnded.TYPE);
        String latestEndorsers =
                "select distinct on (data->>'needId') data->'endorsers' as e, data->'municipalities' as own"
                        + " from $visible a where event_type in (?2, ?3) order by data->>'needId', seq desc";
        long given = count(
                grants,
                "select count(*) from (" + latestEndorsers + ") x where jsonb_exists(e, ?4)",
                NeedEndorsed.TYPE,
                EndorsementWithdrawn.TYPE,
                m);
        long received = count(
                grants,
                "select coalesce(sum(jsonb_array_length(e)), 0) from (" + latestEndorsers
                        + ") x where jsonb_exists(own, ?4)",
                NeedEndorsed.TYPE,
                EndorsementWithdrawn.TYPE,
                m);
        return new MunicipalityOverview.Participation(
                byStatus.values().stream().mapToLong(Long::longValue).sum(), byStatus, areaWide, given, received);
    }

    /** Feasibility figures: studies by latest status and verdict, feasible cost, funding. */
    public MunicipalityOverview.Feasibility feasibility(Set<String> grants, String m) {
        Map<String, Long> byStatus = new TreeMap<>();
        Map<String, Long> byVerdict = new TreeMap<>();
        BigDecimal feasibleCost = BigDecimal.ZERO.setScale(2);
        for (Object[] row : rows(
                grants, """
                select status, verdict, count(*), coalesce(sum(cost) filter (where status = 'COMPLETED'
                       and verdict in ('FEASIBLE', 'FEASIBLE_WITH_CONDITIONS')), 0)
                from (select distinct on (data->>'studyId')
                             case event_type when ?2 then 'REQUESTED' when ?3 then 'IN_PROGRESS'
                                             when ?4 then 'COMPLETED' else 'ABANDONED' end as status,
                             data->>'verdict' as verdict, (data->>'estimatedCostEur')::numeric as cost
                      from $visible a
                      where event_type in (?2, ?3, ?4, ?5) and jsonb_exists(data->'municipalities', ?6)
                      order by data->>'studyId', seq desc) s
                group by status, verdict""", StudyRequested.TYPE, StudyStarted.TYPE, StudyCompleted.TYPE, StudyAbandoned.TYPE, m)) {
            long n = ((Number) row[2]).longValue();
            byStatus.merge((String) row[0], n, Long::sum);
            if (row[1] != null) {
                byVerdict.merge((String) row[1], n, Long::sum);
            }
            feasibleCost = feasibleCost.add((BigDecimal) row[3]);
        }
        BigDecimal identified = BigDecimal.ZERO.setScale(2);
        BigDecimal awarded = BigDecimal.ZERO.setScale(2);
        for (Object[] row : rows(grants, """
                select status, coalesce(sum(amount), 0) from (
                  select distinct on (data->>'fundingSourceId') data->>'status' as status,
                         (data->>'amountEur')::numeric as amount
                  from $visible a where event_type in (?2, ?3) and jsonb_exists(data->'municipalities', ?4)
                  order by data->>'fundingSourceId', seq desc) f group by status""", FundingSourceAdded.TYPE, FundingSourceChanged.TYPE, m)) {
            if (!"REJECTED".equals(row[0])) {
                identified = identified.add((BigDecimal) row[1]);
            }
            if ("AWARDED".equals(row[0])) {
                awarded = awarded.add((BigDecimal) row[1]);
            }
        }
        return new MunicipalityOverview.Feasibility(
                byStatus.values().stream().mapToLong(Long::longValue).sum(),
                byStatus,
                byVerdict,
                feasibleCost,
                identified,
                awarded);
    }

    /** Announcements concerning the municipality that are published now (not archived). */
    public long announcements(Set<String> grants, String m) {
        return count(grants, """
                select count(*) from (select distinct on (data->>'announcementId') event_type as last
                                      from $visible a where event_type in (?2, ?3)
                                      and jsonb_exists(data->'municipalities', ?4)
                                      order by data->>'announcementId', seq desc) x where last = ?2""", AnnouncementPublished.TYPE, AnnouncementArchived.TYPE, m);
    }

    public OffsetDateTime lastActivity(Set<String> grants, String m) {
        Object last = visible.query(grants, "select max(occurred_at) from $visible a where ?2 = any(municipalities)", m)
                .getSingleResult();
        if (last instanceof java.time.Instant instant) {
            return instant.atOffset(java.time.ZoneOffset.UTC);
        }
        return (OffsetDateTime) last;
    }

    /**
     * The position of the log: changes whenever an event is stored, so it makes a good ETag. Read from the
     * database at most every {@code ngs.gateway.figures.position-refresh} (250 ms; entries another gateway
     * instance stored show within that time) and again after every entry this instance stores: every
     * overview asked for it, a query per request that did not depend on the request.
     */
    public long logPosition() {
        return position.get(() -> ((Number) em.createNativeQuery("select coalesce(max(seq), 0) from activity")
                        .getSingleResult())
                .longValue());
    }

    /** Entries stored by this instance: the position is read again on the next request. */
    void stored(@Observes(during = TransactionPhase.AFTER_SUCCESS) NewActivity.Stored stored) {
        position.invalidate();
    }

    void rebuilt(@Observes ActivityRebuild.Result rebuild) {
        position.invalidate();
    }

    /** Per workstream: events in total, per month (yyyy-MM), and municipalities concerned. */
    /**
     * Per workstream: the events of the period the caller may see, by month (Europe/Rome) and the
     * municipalities they concern; the period counts the events' true dates.
     */
    public Map<String, Kpis.Workstream> kpis(Set<String> grants, Period period) {
        Map<String, Kpis.Workstream> result = new TreeMap<>();
        String inPeriod = " where occurred_at >= ?2 and occurred_at < ?3";
        for (Object[] row : rows(
                grants,
                "select workstream, count(*) from $visible a" + inPeriod + " group by workstream",
                period.start(),
                period.end())) {
            result.put((String) row[0], new Kpis.Workstream(((Number) row[1]).longValue(), new TreeMap<>(), 0));
        }
        for (Object[] row : rows(
                grants,
                "select workstream, to_char(occurred_at at time zone 'Europe/Rome', 'YYYY-MM'), count(*)"
                        + " from $visible a" + inPeriod + " group by 1, 2",
                period.start(),
                period.end())) {
            result.get((String) row[0]).perMonth().put((String) row[1], ((Number) row[2]).longValue());
        }
        for (Object[] row : rows(
                grants,
                "select workstream, count(distinct m) from $visible a, unnest(municipalities) m" + inPeriod
                        + " group by 1",
                period.start(),
                period.end())) {
            var w = result.get((String) row[0]);
            result.put((String) row[0], new Kpis.Workstream(w.events(), w.perMonth(), ((Number) row[1]).longValue()));
        }
        return result;
    }

    private List<Object[]> rows(Set<String> grants, String sql, Object... params) {
        return VisibleActivity.rows(visible.query(grants, sql, params).getResultList());
    }

    private long count(Set<String> grants, String sql, Object... params) {
        return ((Number) visible.query(grants, sql, params).getSingleResult()).longValue();
    }

    private Map<String, Long> grouped(Set<String> grants, String sql, Object... params) {
        Map<String, Long> result = new TreeMap<>();
        for (Object[] row : rows(grants, sql, params)) {
            result.put(String.valueOf(row[0]), ((Number) row[1]).longValue());
        }
        return result;
    }
}
