package it.ngsiena.participation.need;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import it.ngsiena.kernel.paging.Page;
import it.ngsiena.kernel.paging.PageRequest;
import it.ngsiena.kernel.paging.PagedQuery;
import it.ngsiena.kernel.paging.Where;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.Locale;
import java.util.UUID;

@ApplicationScoped
public class NeedRepository implements PanacheRepositoryBase<Need, UUID> {

    /** Needs matching the filters, in the requested order (id breaks ties, so pages are stable). */
    public Page<Need> search(NeedFilter filter, NeedSort sort, int areaWideThreshold, PageRequest paging) {
        Where where = new Where()
                .and(
                        "(array_contains(municipalities, :municipality) or array_contains(endorsers, :municipality))",
                        "municipality",
                        filter.municipality())
                .and("theme = :theme", "theme", filter.theme())
                .and("status = :status", "status", filter.status())
                .and(
                        "(lower(title) like :text escape '\\' or lower(description) like :text escape '\\')",
                        "text",
                        filter.text() == null
                                ? null
                                : "%" + escapeLike(filter.text().toLowerCase(Locale.ROOT)) + "%")
                .and("createdAt >= :from", "from", filter.submittedFrom())
                .and("createdAt < :to", "to", filter.submittedTo())
                .and("workshopId = :workshop", "workshop", filter.workshopId());
        if (filter.areaWide() != null) {
            where.always(
                    "(coalesce(array_length(municipalities), 0) + coalesce(array_length(endorsers), 0)) "
                            + (filter.areaWide() ? ">=" : "<") + " :threshold",
                    "threshold",
                    areaWideThreshold);
        }
        return PagedQuery.find(Need.class, where, sort.orderBy(), paging);
    }

    private static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    /** List filters; null means "any". */
    public record NeedFilter(
            String municipality,
            Theme theme,
            NeedStatus status,
            String text,
            OffsetDateTime submittedFrom,
            OffsetDateTime submittedTo,
            Boolean areaWide,
            UUID workshopId) {}

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
            return java.util.Arrays.stream(values())
                    .filter(s -> s.code.equals(code))
                    .findFirst();
        }
    }
}
