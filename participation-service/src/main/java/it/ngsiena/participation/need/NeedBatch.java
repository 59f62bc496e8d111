package it.ngsiena.participation.need;

import com.fasterxml.jackson.annotation.JsonInclude;
import it.ngsiena.kernel.problem.Problem;
import it.ngsiena.kernel.text.Labelled;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Bodies of the bulk push of needs by partner systems. */
public final class NeedBatch {

    public static final int MAX_ITEMS = 500;

    private NeedBatch() {}

    @Schema(name = "NeedBatchRequest", example = """
            {"items": [{"externalId": "codesign-2022-0042",
                        "need": {"title": "Sportello digitale intercomunale per le pratiche edilizie",
                                 "description": "I piccoli comuni non hanno personale per le pratiche online.",
                                 "theme": "DIGITAL_TRANSITION", "municipalities": ["052032", "052015"]}}]}""")
    public record Request(@NotEmpty @Size(max = MAX_ITEMS) List<@NotNull Item> items) {}

    /** One need with the pushing system's own id for it. Each item is checked on its own. */
    @Schema(name = "NeedBatchItem")
    public record Item(
            @Schema(
                    description = "The pushing system's id of the need; unique per pushing client",
                    example = "codesign-2022-0042")
            String externalId,

            @Schema(description = "The need to create") NeedRequest need) {}

    public enum Outcome implements Labelled {
        CREATED,
        UNCHANGED,
        INVALID,
        CONFLICT
    }

    @Schema(name = "NeedBatchResult")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Result(
            @Schema(description = "Position of the item in the request, from 0", example = "0")
            int index,

            @Schema(example = "codesign-2022-0042") String externalId,

            @Schema(description = "What became of the item", example = "CREATED")
            Outcome outcome,

            @Schema(description = "The need's id when created or unchanged")
            UUID id,

            @Schema(description = "Why the item was refused")
            Problem problem) {}

    @Schema(name = "NeedBatchResponse")
    public record Response(
            @Schema(description = "One result per item, in the order sent")
            List<Result> results,

            @Schema(description = "Items that created a need", example = "40")
            long created,

            @Schema(description = "Items already imported before (same external id and content)", example = "2")
            long unchanged,

            @Schema(description = "Items refused (invalid or conflicting)", example = "1")
            long refused) {

        static Response of(List<Result> results) {
            return new Response(
                    results,
                    count(results, Outcome.CREATED),
                    count(results, Outcome.UNCHANGED),
                    results.size() - count(results, Outcome.CREATED) - count(results, Outcome.UNCHANGED));
        }

        private static long count(List<Result> results, Outcome outcome) {
            return results.stream().filter(r -> r.outcome() == outcome).count();
        }
    }
}
