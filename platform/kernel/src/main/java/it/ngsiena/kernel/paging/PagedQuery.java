package it.ngsiena.kernel.paging;

import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.util.List;
import java.util.Map;

/**
 * A list query run as one page and its total, the one way every paged list of the services reads. The
 * total is counted up to {@link #COUNT_LIMIT} rows: an exact count reads every match, so with a hundred
 * thousand needs the count, not the page, would set the cost of each request. A page that is not full
 * gives the exact total without counting.
 */
public final class PagedQuery {

    /** Matches counted at most; past it a page says "at least this many" ({@link Page#totalExact()} false). */
    public static final int COUNT_LIMIT = 1000;

    private PagedQuery() {}

    /** The list of the filters in {@code where}, in the order {@code orderBy} ({@code "order by ..."}). */
    public static <E> Page<E> find(Class<E> entity, Where where, String orderBy, PageRequest paging) {
        EntityManager em = Panache.getEntityManager(entity);
        String name = em.getMetamodel().entity(entity).getName();
        String condition = where.condition().isEmpty() ? "" : " where " + where.condition();
        Map<String, Object> params = where.params().map();
        TypedQuery<E> items = em.createQuery("from " + name + condition + " " + orderBy, entity)
                .setFirstResult(paging.offset())
                .setMaxResults(paging.size());
        params.forEach(items::setParameter);
        List<E> list = items.getResultList();
        if (list.size() < paging.size() && (!list.isEmpty() || paging.page() == 0)) {
            return new Page<>(list, (long) paging.offset() + list.size(), true, paging.page(), paging.size());
        }
        // HQL wants an order for a limited sub-query; ordering by a constant costs PostgreSQL no sort
        TypedQuery<Long> count = em.createQuery(
                "select count(*) from (select 1 as one from " + name + condition + " order by one limit "
                        + (COUNT_LIMIT + 1) + ")",
                Long.class);
        params.forEach(count::setParameter);
        long matches = count.getSingleResult();
        return matches > COUNT_LIMIT
                ? new Page<>(list, COUNT_LIMIT, false, paging.page(), paging.size())
                : new Page<>(list, matches, true, paging.page(), paging.size());
    }
}
