package it.ngsiena.kernel.paging;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A whole list, not paged: the short, bounded lists (a taxonomy, a need's ideas, a session's enrolments).
 * An object with {@code items}, like a {@link Page}, so that every list has one shape and fields can be
 * added later without breaking clients.
 */
@Schema(description = "A complete list (not paged)")
public record Items<T>(
        @Schema(description = "Every item, in the list's order")
        List<T> items) {

    public static <T> Items<T> of(List<T> items) {
        return new Items<>(List.copyOf(items));
    }
}
