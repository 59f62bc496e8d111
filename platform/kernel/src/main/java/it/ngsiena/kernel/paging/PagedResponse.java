package it.ngsiena.kernel.paging;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Link;
import jakarta.ws.rs.core.UriInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * A page as a 200 response with {@code Link} (first, prev, next, last) and {@code X-Total-Count} headers;
 * when the total is not exact (more matches than {@link PagedQuery#COUNT_LIMIT}) neither {@code last} nor
 * {@code X-Total-Count}, which would be wrong, and {@code next} while the page is full.
 * Typed, so that the API document shows the page's items (a list method returns
 * {@code RestResponse<Page<CourseResponse>>}).
 */
public final class PagedResponse {

    public static final String TOTAL_COUNT = "X-Total-Count";

    private PagedResponse() {}

    public static <T> RestResponse<Page<T>> of(Page<T> page, UriInfo uri) {
        List<Link> links = new ArrayList<>();
        int last = Math.max(page.totalPages() - 1, 0);
        links.add(link(uri, "first", 0, page.size()));
        if (page.page() > 0) {
            links.add(link(
                    uri, "prev", page.totalExact() ? Math.min(page.page() - 1, last) : page.page() - 1, page.size()));
        }
        if (page.totalExact() ? page.page() < last : page.items().size() == page.size()) {
            links.add(link(uri, "next", page.page() + 1, page.size()));
        }
        if (page.totalExact()) {
            links.add(link(uri, "last", last, page.size()));
        }
        // One Link header with all relations: what most clients parse.
        String header = links.stream().map(Link::toString).collect(Collectors.joining(", "));
        var response = RestResponse.ResponseBuilder.ok(page).header(HttpHeaders.LINK, header);
        return page.totalExact() ? response.header(TOTAL_COUNT, page.total()).build() : response.build();
    }

    private static Link link(UriInfo uri, String rel, int page, int size) {
        return Link.fromUri(uri.getRequestUriBuilder()
                        .replaceQueryParam("page", page)
                        .replaceQueryParam("size", size)
                        .build())
                .rel(rel)
                .build();
    }
}
