package it.ngsiena.gateway.activity;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

@ApplicationScoped
public class ActivityRepository implements PanacheRepositoryBase<ActivityEntry, String> {

    /** Up to {@code limit} entries after the cursor that a caller with these grants may see, newest first. */
    public List<ActivityEntry> page(ActivityFilter filter, Set<String> grants, ActivityCursor after, int limit) {
        Parameters params = new Parameters();
        List<String> where = conditions(filter, grants, params);
        if (after != null) {
            where.add("(occurredAt < :afterTime or (occurredAt = :afterTime and seq < :afterSeq))");
            params.and("afterTime", after.time()).and("afterSeq", after.seq());
        }
        return find(String.join(" and ", where), Sort.descending("occurredAt", "seq"),
                params).range(0, limit - 1).list();
    }

    /** Up to {@code limit} entries stored after position {@code afterSeq}, in arrival order: for the live stream. */
    public List<ActivityEntry> after(ActivityFilter filter, Set<String> grants, long afterSeq, int limit) {
        Parameters params = new Parameters();
        List<String> where = conditions(filter, grants, params);
        where.add("seq > :afterSeq");
        params.and("afterSeq", afterSeq);
        return find(String.join(" and ", where), Sort.ascending("seq"), params).range(0, limit - 1).list();
    }

    /** The position of the newest entry, 0 when the feed is empty. */
    public long lastSeq() {
        Long last = getEntityManager().createQuery("select max(seq) from ActivityEntry", Long.class).getSingleResult();
        return last == null ? 0 : last;
    }

    private static List<String> conditions(ActivityFilter filter, Set<String> grants, Parameters params) {
        List<String> where = new ArrayList<>();
        // only what the caller may see (Visibility, decided when the event was stored)
        where.add("array_intersects(readers, :grants)");
        params.and("grants", grants.toArray(String[]::new));
        if (filter.municipality() != null) {
            where.add("array_contains(municipalities, :municipality)");
            params.and("municipality", filter.municipality());
        }
        if (filter.workstream() != null) {
            where.add("workstream = :workstream");
            params.and("workstream", filter.workstream());
        }
        if (filter.type() != null) {
            where.add("type = :type");
            params.and("type", filter.type());
        }
        if (filter.from() != null) {
            where.add("occurredAt >= :from");
            params.and("from", filter.from());
        }
        if (filter.to() != null) {
            where.add("occurredAt < :to");
            params.and("to", filter.to());
        }
        return where;
    }
}
