package it.ngsiena.kernel.paging;

import java.util.List;
import java.util.function.Function;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One page of a list, with the total count across all pages. */
@Schema(description = "One page of a list")
public record Page<T>(
        List<T> items,
        @Schema(description = "Number of items across all pages", example = "42") long total,
        @Schema(description = "Zero-based page number", example = "0") int page,
        @Schema(description = "Page size", example = "20") int size) {

    @Schema(description = "Number of pages", example = "3")
    @com.fasterxml.jackson.annotation.JsonProperty("totalPages")
    public int totalPages() {
        return (int) ((total + size - 1) / size);
    }

    public <R> Page<R> map(Function<T, R> mapper) {
        return new Page<>(items.stream().map(mapper).toList(), total, page, size);
    }
}
