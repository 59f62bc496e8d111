package it.ngsiena.gateway.overview;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.util.List;
import java.util.Set;

/**
 * Native queries over the activity log as one caller sees it: {@code $visible} in the SQL stands for the
 * log restricted to the rows whose readers share a name with the caller's grants
 * ({@code it.ngsiena.kernel.security.Caller#readerGrants}), so every figure and trace built on it counts
 * nothing that the caller may not see.
 */
@ApplicationScoped
class VisibleActivity {

    /** {@code ?1} is the grants, comma-separated (no grant name holds a comma). */
    private static final String VISIBLE =
            "(select * from activity where readers && cast(string_to_array(?1, ',') as varchar[]))";

    private final EntityManager em;

    VisibleActivity(EntityManager em) {
        this.em = em;
    }

    /** The query, with the grants bound to {@code ?1} and the parameters to {@code ?2}, {@code ?3}... */
    Query query(Set<String> grants, String sql, Object... params) {
        Query query = em.createNativeQuery(sql.replace("$visible", VISIBLE));
        query.setParameter(1, String.join(",", grants));
        for (int i = 0; i < params.length; i++) {
            query.setParameter(i + 2, params[i]);
        }
        return query;
    }

    @SuppressWarnings("unchecked")
    static List<Object[]> rows(List<?> result) {
        return (List<Object[]>) result;
    }
}
