package it.ngsiena.participation.need;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import it.ngsiena.kernel.paging.Page;
import it.ngsiena.kernel.paging.PageRequest;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class NeedRepository implements PanacheRepositoryBase<Need, UUID> {

    /** Needs matching the filters, newest first (id breaks ties, so pages are stable). */
    public Page<Need> search(NeedFilter filter, PageRequest paging) {
        List<String> where = new ArrayList<>();
        Parameters params = new Parameters();
        if (filter.municipality() != null) {
            where.add("array_contains(municipalities, :municipality)");
            params.and("municipality", filter.municipality());
        }
        if (filter.theme() != null) {
            where.add("theme = :theme");
            params.and("theme", filter.theme());
        }
        if (filter.status() != null) {
            where.add("status = :status");
            params.and("status", filter.status());
        }
        String query = String.join(" and ", where);
        var found = find(query, Sort.descending("createdAt").and("id"), params);
        List<Need> items = found.page(paging.page(), paging.size()).list();
        return new Page<>(items, found.count(), paging.page(), paging.size());
    }

    /** List filters; null means "any". */
    public record NeedFilter(String municipality, Theme theme, NeedStatus status) {
    }
}
