package it.ngsiena.kernel.paging;

import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.panache.common.Parameters;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.util.List;
import java.util.Locale;
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

    private PagedQuery() {
    }

    /**
     * @param query a Panache-style query: a condition and/or an {@code order by}, e.g.
     *              {@code "status = :status order by createdAt desc, id"}, or {@code "order by deadline, id"}
     */
    public static <E> Page<E> find(Class<E> entity, String query, Parameters params, PageRequest paging) {
        return find(entity, query, params.map(), paging);
    }

    /** The list of the filters in {@code where}, in the order {@code orderBy} ({@code "order by ..."}). */
    public static <E> Page<E> find(Class<E> entity, Where where, String orderBy, PageRequest paging) {
        return find(entity, where.query(orderBy), where.params().map(), paging);
    }

    /** The same with positional parameters ({@code ?1}, {@code ?2}...). */
    public static <E> Page<E> find(Class<E> entity, String query, PageRequest paging, Object... params) {
        Map<String, Object> byPosition = new java.util.HashMap<>();
        for (int i = 0; i < params.length; i++) {
            byPosition.put(Integer.toString(i + 1), params[i]);
        }
        return find(entity, query, byPosition, paging);
    }

    private static <E> Page<E> find(Class<E> entity, String query, Map<String, Object> params, PageRequest paging) {
        EntityManager em = Panache.getEntityManager(entity);
        String name = em.getMetamodel().entity(entity).getName();
        String q = query.strip();
        String condition = condition(q);
        String where = condition.isEmpty() ? "" : " where " + condition;
        String order = q.substring(condition.length()).strip();
        TypedQuery<E> items = em.createQuery("from " + name + where + (order.isEmpty() ? "" : " " + order), entity)
                .setFirstResult(paging.offset()).setMaxResults(paging.size());
        bind(items, params);
        List<E> list = items.getResultList();
        if (list.size() < paging.size() && (!list.isEmpty() || paging.page() == 0)) {
            return new Page<>(list, (long) paging.offset() + list.size(), true, paging.page(), paging.size());
        }
        // HQL wants an order for a limited sub-query; ordering by a constant costs PostgreSQL no sort
        TypedQuery<Long> count = em.createQuery("select count(*) from (select 1 as one from " + name + where
                + " order by one limit " + (COUNT_LIMIT + 1) + ")", Long.class);
        bind(count, params);
        long matches = count.getSingleResult();
        return matches > COUNT_LIMIT
                ? new Page<>(list, COUNT_LIMIT, false, paging.page(), paging.size())
                : new Page<>(list, matches, true, paging.page(), paging.size());
    }

    /** The query without its {@code order by} (Panache's shorthand: no {@code from}, no {@code where}). */
    static String condition(String query) {
        String q = query.strip();
        String lower = q.toLowerCase(Locale.ROOT);
        if (lower.startsWith("order by")) {
            return "";
        }
        int order = lower.lastIndexOf(" order by ");
        return order < 0 ? q : q.substring(0, order).strip();
    }

    private static void bind(TypedQuery<?> query, Map<String, Object> params) {
        params.forEach((name, value) -> {
            if (Character.isDigit(name.charAt(0))) {
                query.setParameter(Integer.parseInt(name), value);
            } else {
                query.setParameter(name, value);
            }
        });
    }
}
