package it.ngsiena.gateway.overview;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The programme's figures, computed by PostgreSQL from the activity log the gateway keeps of every
 * event. Each aggregate's state is its latest event (by arrival, which Kafka keeps in order per
 * aggregate), so the figures are the same whatever the order of events across topics, and a
 * duplicate delivery (same event id) is never stored twice.
 */
@ApplicationScoped
public class ProgrammeFigures {

    private static final String T = "it.ngsiena.training.";
    private static final String P = "it.ngsiena.participation.";
    private static final String F = "it.ngsiena.feasibility.";
    private static final String C = "it.ngsiena.comms.";

    private final EntityManager em;

    ProgrammeFigures(EntityManager em) {
        this.em = em;
    }

    /** Training figures of a municipality: from enrolments, the attendance totals and certificates. */
    public MunicipalityOverview.Training training(String m) {
        long enrolled = count("select count(distinct data->>'participantId') from activity where event_type = ?1"
                + " and data->>'municipality' = ?2 and data->>'status' = 'ENROLLED'", T + "participant.enrolled.v1", m);
        Map<String, Long> byRole = grouped("""
                select coalesce(role, 'UNKNOWN'), count(*) from (
                  select distinct on (data->>'participantId') data->>'participantRole' as role from activity
                  where event_type = ?1 and data->>'municipality' = ?2 and data->>'status' = 'ENROLLED'
                  order by data->>'participantId', seq desc) p group by 1""", T + "participant.enrolled.v1", m);
        long certificates = count("select count(*) from activity where event_type = ?1 and data->>'municipality' = ?2",
                T + "certificate.issued.v1", m);
        Object[] attendance = (Object[]) em.createNativeQuery("""
                select count(*), coalesce(sum((a->>'hours')::numeric), 0), coalesce(sum((a->>'attendees')::int), 0)
                from (select distinct on (data->>'sessionId') data->'attendance' as att from activity
                      where event_type in (?1, ?2) order by data->>'sessionId', seq desc) s,
                     jsonb_array_elements(s.att) a
                where a->>'municipality' = ?3 and (a->>'attendees')::int > 0""")
                .setParameter(1, T + "session.held.v1").setParameter(2, T + "attendance.recorded.v1")
                .setParameter(3, m).getSingleResult();
        return new MunicipalityOverview.Training(enrolled, byRole, ((Number) attendance[2]).longValue(),
                (BigDecimal) attendance[1], ((Number) attendance[0]).longValue(), certificates);
    }

    /** Participation figures: needs by their latest status, area-wide needs, endorsements. */
    public MunicipalityOverview.Participation participation(String m) {
        Map<String, Long> byStatus = grouped("""
                select status, count(*) from (
                  select distinct on (data->>'needId')
                         case event_type when ?1 then 'SUBMITTED' when ?2 then 'PRIORITISED' when ?3 then 'REJECTED'
                                         else data->>'to' end as status
                  from activity where event_type in (?1, ?2, ?3, ?4) and jsonb_exists(data->'municipalities', ?5)
                  order by data->>'needId', seq desc) n group by status""",
                P + "need.submitted.v1", P + "need.prioritised.v1", P + "need.rejected.v1",
                P + "need.status-changed.v1", m);
        long areaWide = count("select count(distinct data->>'needId') from activity where event_type = ?1"
                + " and (jsonb_exists(data->'municipalities', ?2) or jsonb_exists(data->'endorsers', ?2))",
                P + "need.area-wide.v1", m);
        String latestEndorsers = "select distinct on (data->>'needId') data->'endorsers' as e, data->'municipalities' as own"
                + " from activity where event_type in (?1, ?2) order by data->>'needId', seq desc";
        long given = count("select count(*) from (" + latestEndorsers + ") x where jsonb_exists(e, ?3)",
                P + "need.endorsed.v1", P + "need.endorsement-withdrawn.v1", m);
        long received = count("select coalesce(sum(jsonb_array_length(e)), 0) from (" + latestEndorsers
                + ") x where jsonb_exists(own, ?3)", P + "need.endorsed.v1", P + "need.endorsement-withdrawn.v1", m);
        return new MunicipalityOverview.Participation(byStatus.values().stream().mapToLong(Long::longValue).sum(),
                byStatus, areaWide, given, received);
    }

    /** Feasibility figures: studies by latest status and verdict, feasible cost, funding. */
    public MunicipalityOverview.Feasibility feasibility(String m) {
        String where = m == null ? "" : " and jsonb_exists(data->'municipalities', ?5)";
        var query = em.createNativeQuery("""
                select status, verdict, count(*), coalesce(sum(cost) filter (where status = 'COMPLETED'
                       and verdict in ('FEASIBLE', 'FEASIBLE_WITH_CONDITIONS')), 0)
                from (select distinct on (data->>'studyId')
                             case event_type when ?1 then 'REQUESTED' when ?2 then 'IN_PROGRESS'
                                             when ?3 then 'COMPLETED' else 'ABANDONED' end as status,
                             data->>'verdict' as verdict, (data->>'estimatedCostEur')::numeric as cost
                      from activity where event_type in (?1, ?2, ?3, ?4)""" + where + """
                       order by data->>'studyId', seq desc) s
                group by status, verdict""")
                .setParameter(1, F + "study.requested.v1").setParameter(2, F + "study.started.v1")
                .setParameter(3, F + "study.completed.v1").setParameter(4, F + "study.abandoned.v1");
        if (m != null) {
            query.setParameter(5, m);
        }
        Map<String, Long> byStatus = new TreeMap<>();
        Map<String, Long> byVerdict = new TreeMap<>();
        BigDecimal feasibleCost = BigDecimal.ZERO.setScale(2);
        for (Object[] row : rows(query.getResultList())) {
            long n = ((Number) row[2]).longValue();
            byStatus.merge((String) row[0], n, Long::sum);
            if (row[1] != null) {
                byVerdict.merge((String) row[1], n, Long::sum);
            }
            feasibleCost = feasibleCost.add((BigDecimal) row[3]);
        }
        var funding = em.createNativeQuery("""
                select status, coalesce(sum(amount), 0) from (
                  select distinct on (data->>'fundingSourceId') data->>'status' as status,
                         (data->>'amountEur')::numeric as amount
                  from activity where event_type in (?1, ?2)""" + (m == null ? "" : " and jsonb_exists(data->'municipalities', ?3)") + """
                   order by data->>'fundingSourceId', seq desc) f group by status""")
                .setParameter(1, F + "funding-source.added.v1").setParameter(2, F + "funding-source.changed.v1");
        if (m != null) {
            funding.setParameter(3, m);
        }
        BigDecimal identified = BigDecimal.ZERO.setScale(2);
        BigDecimal awarded = BigDecimal.ZERO.setScale(2);
        for (Object[] row : rows(funding.getResultList())) {
            if (!"REJECTED".equals(row[0])) {
                identified = identified.add((BigDecimal) row[1]);
            }
            if ("AWARDED".equals(row[0])) {
                awarded = awarded.add((BigDecimal) row[1]);
            }
        }
        return new MunicipalityOverview.Feasibility(byStatus.values().stream().mapToLong(Long::longValue).sum(),
                byStatus, byVerdict, feasibleCost, identified, awarded);
    }

    /** Announcements concerning the municipality that are published now (not archived). */
    public long announcements(String m) {
        return count("""
                select count(*) from (select distinct on (data->>'announcementId') event_type as last
                                      from activity where event_type in (?1, ?2) and jsonb_exists(data->'municipalities', ?3)
                                      order by data->>'announcementId', seq desc) a where last = ?1""",
                C + "announcement.published.v1", C + "announcement.archived.v1", m);
    }

    public OffsetDateTime lastActivity(String m) {
        Object last = em.createNativeQuery("select max(occurred_at) from activity where ?1 = any(municipalities)")
                .setParameter(1, m).getSingleResult();
        if (last instanceof java.time.Instant instant) {
            return instant.atOffset(java.time.ZoneOffset.UTC);
        }
        return (OffsetDateTime) last;
    }

    /** The position of the log: changes whenever an event is stored, so it makes a good ETag. */
    public long logPosition() {
        Object max = em.createNativeQuery("select coalesce(max(seq), 0) from activity").getSingleResult();
        return ((Number) max).longValue();
    }

    /** Per workstream: events in total, per month (yyyy-MM), and municipalities concerned. */
    public Map<String, Kpis.Workstream> kpis() {
        Map<String, Kpis.Workstream> result = new TreeMap<>();
        for (Object[] row : rows(em.createNativeQuery("select workstream, count(*) from activity group by workstream")
                .getResultList())) {
            result.put((String) row[0], new Kpis.Workstream(((Number) row[1]).longValue(), new TreeMap<>(), 0));
        }
        for (Object[] row : rows(em.createNativeQuery("select workstream, to_char(occurred_at at time zone 'UTC',"
                + " 'YYYY-MM'), count(*) from activity group by 1, 2").getResultList())) {
            result.get((String) row[0]).perMonth().put((String) row[1], ((Number) row[2]).longValue());
        }
        for (Object[] row : rows(em.createNativeQuery("select workstream, count(distinct m) from activity,"
                + " unnest(municipalities) m group by 1").getResultList())) {
            var w = result.get((String) row[0]);
            result.put((String) row[0], new Kpis.Workstream(w.events(), w.perMonth(), ((Number) row[1]).longValue()));
        }
        return result;
    }

    private long count(String sql, Object... params) {
        var query = em.createNativeQuery(sql);
        for (int i = 0; i < params.length; i++) {
            query.setParameter(i + 1, params[i]);
        }
        return ((Number) query.getSingleResult()).longValue();
    }

    private Map<String, Long> grouped(String sql, Object... params) {
        var query = em.createNativeQuery(sql);
        for (int i = 0; i < params.length; i++) {
            query.setParameter(i + 1, params[i]);
        }
        Map<String, Long> result = new TreeMap<>();
        for (Object[] row : rows(query.getResultList())) {
            result.put(String.valueOf(row[0]), ((Number) row[1]).longValue());
        }
        return result;
    }

    @SuppressWarnings("unchecked")
    private static List<Object[]> rows(List<?> result) {
        return (List<Object[]>) result;
    }
}
