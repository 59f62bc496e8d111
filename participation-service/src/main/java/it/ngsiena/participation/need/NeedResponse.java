package it.ngsiena.participation.need;

import com.fasterxml.jackson.annotation.JsonInclude;
import it.ngsiena.participation.solution.SolutionResponse;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A need as clients see it. */
@Schema(name = "Need")
public record NeedResponse(
        @Schema(example = "3f6c2a7e-6a8b-4f4e-9a57-2f0c1f7b9d10")
        UUID id,

        @Schema(example = "Sportello digitale intercomunale")
        String title,

        @Schema(example = "I piccoli comuni non hanno personale per gestire online le pratiche edilizie.")
        String description,

        @Schema(example = "DIGITAL_TRANSITION") Theme theme,
        @Schema(example = "Transizione digitale") String themeLabelIt,
        @Schema(example = "Digital transition") String themeLabelEn,
        @Schema(example = "[\"052032\", \"052015\"]") List<String> municipalities,

        @Schema(description = "Municipalities that endorse the need", example = "[\"052021\"]")
        List<String> endorsers,

        @Schema(description = "Municipalities plus endorsers reach the area-wide threshold (area vasta)")
        boolean areaWide,

        NeedOrigin origin,
        UUID workshopId,
        NeedStatus status,
        @Schema(example = "In esame") String statusLabelIt,
        @Schema(example = "Under review") String statusLabelEn,
        @Schema(example = "Comune di Siena") String submitterOrganisation,

        @Schema(description = "Why the need was prioritised")
        String rationale,

        @Schema(
                description = "The answer given when the need was rejected, why it was withdrawn, or why its study"
                        + " was abandoned (status FEASIBILITY_ABANDONED)")
        String answer,

        @Schema(description = "The need's latest feasibility study (every study of it: the need's trace)")
        UUID studyId,

        @Schema(description = "Verdict of the feasibility study that assessed it, once completed", example = "FEASIBLE")
        String studyVerdict,

        @Schema(description = "Solution ideas; in the detail of a need only") @JsonInclude(JsonInclude.Include.NON_NULL)
        List<SolutionResponse> solutions,

        @Schema(
                description = "When the need was collected (the occurredAt it was submitted with, else when it was"
                        + " received)",
                example = "2022-04-12T08:00:00Z")
        OffsetDateTime submittedAt,

        @Schema(description = "When the platform received it", example = "2022-04-12T09:30:00Z")
        OffsetDateTime createdAt,

        @Schema(example = "2022-04-12T09:30:00Z") OffsetDateTime updatedAt,
        @Schema(example = "0") long version) {

    static NeedResponse of(Need need, boolean areaWide, List<SolutionResponse> solutions) {
        return new NeedResponse(
                need.id,
                need.title,
                need.description,
                need.theme,
                need.theme.labelIt(),
                need.theme.labelEn(),
                need.municipalities,
                need.endorsers,
                areaWide,
                need.origin,
                need.workshopId,
                need.status,
                need.status.labelIt(),
                need.status.labelEn(),
                need.submitterOrganisation,
                need.rationale,
                need.answer,
                need.studyId,
                need.studyVerdict,
                solutions,
                need.submittedAt,
                need.createdAt,
                need.updatedAt,
                need.version);
    }
}
