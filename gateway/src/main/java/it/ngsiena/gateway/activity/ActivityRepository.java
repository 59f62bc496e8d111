package it.ngsiena.gateway.activity;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;

@ApplicationScoped
public class ActivityRepository implements PanacheRepositoryBase<ActivityEntry, String> {

    /** Up to {@code limit} entries after the cursor, newest first. */
    public List<ActivityEntry> page(ActivityFilter filter, ActivityCursor after, int limit) {
        List<String> where = new ArrayList<>();
        Parameters params = new Parameters();
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
        if (after != null) {
            where.add("(occurredAt < :afterTime or (occurredAt = :afterTime and seq < :afterSeq))");
            params.and("afterTime", after.time()).and("afterSeq", after.seq());
        }
        return find(String.join(" and ", where), Sort.descending("occurredAt", "seq"), params)
                .range(0, limit - 1).list();
    }
}
