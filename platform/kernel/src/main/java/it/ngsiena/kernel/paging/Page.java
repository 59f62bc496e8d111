package it.ngsiena.kernel.paging;

import java.util.List;
import java.util.function.Function;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One page of a list, with the number of items across all pages counted up to
 * {@link PagedQuery#COUNT_LIMIT}: past it, counting would cost more than the page as the data grows.
 */
@Schema(description = "One page of a list")
public record Page<T>(
        List<T> items,

        @Schema(
                description = "Number of items across all pages, counted up to 1000: when more match, 1000 and"
                        + " totalExact is false",
                example = "42")
        long total,

        @Schema(
                description = "Whether total is the exact number of matching items (false: at least that many)",
                example = "true")
        boolean totalExact,

        @Schema(description = "Zero-based page number", example = "0")
        int page,

        @Schema(description = "Page size", example = "20") int size) {

    /** A page whose total is exact. */
    public Page(List<T> items, long total, int page, int size) {
        this(items, total, true, page, size);
    }

    @Schema(description = "Number of pages (at least this many when totalExact is false)", example = "3")
    @com.fasterxml.jackson.annotation.JsonProperty("totalPages")
    public int totalPages() {
        return (int) ((total + size - 1) / size);
    }

    public <R> Page<R> map(Function<T, R> mapper) {
        return new Page<>(items.stream().map(mapper).toList(), total, totalExact, page, size);
    }
}
