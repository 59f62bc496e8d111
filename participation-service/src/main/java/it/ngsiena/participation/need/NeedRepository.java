package it.ngsiena.participation.need;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import it.ngsiena.kernel.paging.Page;
import it.ngsiena.kernel.paging.PageRequest;
import it.ngsiena.kernel.paging.PagedQuery;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

@ApplicationScoped
public class NeedRepository implements PanacheRepositoryBase<Need, UUID> {

    /** Needs matching the filters, in the requested order (id breaks ties, so pages are stable). */
    public Page<Need> search(NeedFilter filter, NeedSort sort, int areaWideThreshold, PageRequest paging) {
        List<String> where = new ArrayList<>();
        Parameters params = new Parameters();
        if (filter.municipality() != null) {
            where.add("(array_contains(municipalities, :municipality) or array_contains(endorsers, :municipality))");
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
        if (filter.text() != null) {
            where.add("(lower(title) like :text escape '\\' or lower(description) like :text escape '\\')");
            params.and("text", "%" + escapeLike(filter.text().toLowerCase(Locale.ROOT)) + "%");
        }
        if (filter.submittedFrom() != null) {
            where.add("createdAt >= :from");
            params.and("from", filter.submittedFrom());
        }
        if (filter.submittedTo() != null) {
            where.add("createdAt < :to");
            params.and("to", filter.submittedTo());
        }
        if (filter.areaWide() != null) {
            where.add("(coalesce(array_length(municipalities), 0) + coalesce(array_length(endorsers), 0)) "
                    + (filter.areaWide() ? ">=" : "<") + " :threshold");
            params.and("threshold", areaWideThreshold);
        }
        if (filter.workshopId() != null) {
            where.add("workshopId = :workshop");
            params.and("workshop", filter.workshopId());
        }
        return PagedQuery.find(Need.class, String.join(" and ", where) + " " + sort.orderBy(), params, paging);
    }

    private static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    /** List filters; null means "any". */
    public record NeedFilter(String municipality, Theme theme, NeedStatus status, String text,
            OffsetDateTime submittedFrom, OffsetDateTime submittedTo, Boolean areaWide, UUID workshopId) {
    }

    /** The orders a list can take: {@code createdAt}, {@code title}, {@code status}, {@code -} for descending. */
    public enum NeedSort {
        NEWEST("-createdAt", "createdAt desc"),
        OLDEST("createdAt", "createdAt"),
        TITLE("title", "title"),
        TITLE_DESC("-title", "title desc"),
        STATUS("status", "status, createdAt desc"),
        UPDATED("-updatedAt", "updatedAt desc");

        private final String code;
        private final String columns;

        NeedSort(String code, String columns) {
            this.code = code;
            this.columns = columns;
        }

        public String code() {
            return code;
        }

        /** The order by clause; the id breaks ties, so that pages are stable. */
        String orderBy() {
            return "order by " + columns + ", id";
        }

        public static java.util.Optional<NeedSort> of(String code) {
            return java.util.Arrays.stream(values()).filter(s -> s.code.equals(code)).findFirst();
        }
    }
}
