package it.ngsiena.gateway.reporting;

import it.ngsiena.kernel.municipality.MunicipalityRegistry;
import it.ngsiena.kernel.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** The programme's targets, set by the admin, and what was achieved against them in a period. */
@ApplicationScoped
public class Targets {

    private final EntityManager em;
    private final MunicipalityRegistry municipalities;

    Targets(EntityManager em, MunicipalityRegistry municipalities) {
        this.em = em;
        this.municipalities = municipalities;
    }

    /** Sets the target of an indicator, for the programme or one municipality (replacing the one there was). */
    @Transactional
    public ProgrammeTarget set(Indicator indicator, TargetRequest request) {
        if (request.municipality() != null) {
            municipalities.requireKnown(List.of(request.municipality()), "municipality");
        }
        ProgrammeTarget target = find(indicator, request.municipality());
        if (target == null) {
            target = new ProgrammeTarget();
            target.id = UUID.randomUUID();
            target.indicator = indicator;
            target.municipality = request.municipality();
            target.createdAt = ProgrammeTarget.now();
        }
        target.target = request.target();
        target.updatedAt = ProgrammeTarget.now();
        target.persist();
        return target;
    }

    /** Removes a target (404 if there is none). */
    @Transactional
    public void remove(Indicator indicator, String municipality) {
        ProgrammeTarget target = find(indicator, municipality);
        if (target == null) {
            throw ProblemException.notFound("Target", indicator + (municipality == null ? "" : " " + municipality));
        }
        target.delete();
    }

    /**
     * The targets with what was achieved in the period: the programme's only ({@code municipality} "" ), one
     * municipality's, or all ({@code municipality} null).
     */
    public List<TargetProgress> progress(Period period, Set<String> grants, String municipality) {
        String scope = municipality == null
                ? ""
                : municipality.isEmpty() ? " where municipality is null" : " where municipality = :m";
        var query = em.createQuery(
                "from ProgrammeTarget" + scope + " order by indicator, municipality nulls first",
                ProgrammeTarget.class);
        if (municipality != null && !municipality.isEmpty()) {
            query.setParameter("m", municipality);
        }
        return query.getResultList().stream()
                .map(t -> progressOf(t, achieved(t.indicator, t.municipality, period, grants)))
                .toList();
    }

    private static TargetProgress progressOf(ProgrammeTarget t, long achieved) {
        BigDecimal percent = t.target.signum() == 0
                ? null
                : BigDecimal.valueOf(achieved)
                        .multiply(BigDecimal.valueOf(100))
                        .divide(t.target, 1, RoundingMode.HALF_UP);
        return new TargetProgress(
                t.indicator, t.indicator.labelIt(), t.indicator.labelEn(), t.municipality, t.target, achieved, percent);
    }

    /**
     * What was achieved: the indicator's events of the period the caller may see, in the municipality if one
     * is named; training attendances are the attendees of the municipality (or all) in the sessions held.
     */
    long achieved(Indicator indicator, String municipality, Period period, Set<String> grants) {
        String sql = indicator == Indicator.TRAINING_ATTENDANCES ? """
                  select coalesce(sum((x->>'attendees')::bigint), 0)
                  from activity a, jsonb_array_elements(coalesce(a.data->'attendance', '[]'::jsonb)) x
                  where a.event_type = ?1 and a.readers && cast(string_to_array(?2, ',') as varchar[])
                    and a.occurred_at >= ?3 and a.occurred_at < ?4 and (?5 = '' or x->>'municipality' = ?5)""" : """
                  select count(*) from activity a
                  where a.event_type = ?1 and a.readers && cast(string_to_array(?2, ',') as varchar[])
                    and a.occurred_at >= ?3 and a.occurred_at < ?4 and (?5 = '' or ?5 = any(a.municipalities))""";
        Object result = em.createNativeQuery(sql)
                .setParameter(1, indicator.eventType)
                .setParameter(2, String.join(",", grants))
                .setParameter(3, period.start())
                .setParameter(4, period.end())
                .setParameter(5, municipality == null ? "" : municipality)
                .getSingleResult();
        return ((Number) result).longValue();
    }

    private ProgrammeTarget find(Indicator indicator, String municipality) {
        return (municipality == null
                        ? ProgrammeTarget.<ProgrammeTarget>find("indicator = ?1 and municipality is null", indicator)
                        : ProgrammeTarget.<ProgrammeTarget>find(
                                "indicator = ?1 and municipality = ?2", indicator, municipality))
                .firstResult();
    }
}
