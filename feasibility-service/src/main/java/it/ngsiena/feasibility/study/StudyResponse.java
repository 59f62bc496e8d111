package it.ngsiena.feasibility.study;

import com.fasterxml.jackson.annotation.JsonInclude;
import it.ngsiena.feasibility.funding.PnrrMeasureCode;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A study with its milestones, document links and impact indicators (funding: see its own endpoint). */
@Schema(name = "Study")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record StudyResponse(
        UUID id,

        @Schema(example = "Sportello digitale intercomunale: studio di fattibilità")
        String title,

        String scope,
        List<UUID> needIds,
        @Schema(example = "[\"052032\", \"052015\"]") List<String> municipalities,
        @Schema(example = "[\"DIGITAL_TRANSITION\"]") List<String> themes,
        @Schema(example = "Open Impact") String leadOrganisation,
        @Schema(example = "Analista senior di impatto") String leadRole,
        @Schema(example = "IN_PROGRESS") StudyStatus status,
        @Schema(example = "FEASIBLE_WITH_CONDITIONS") Verdict verdict,
        String conditions,

        @Schema(description = "EUR, two decimals", example = "185000.00")
        BigDecimal estimatedCostEur,

        String summary,
        String abandonReason,
        @Schema(example = "J61B22000120006") String cup,

        @Schema(description = "Codice Locale Progetto", example = "SIENA-PNRR-2022-014")
        String localProjectCode,

        @Schema(description = "PNRR mission, from the sub-measure", example = "M1")
        String pnrrMission,

        @Schema(description = "PNRR component, from the sub-measure", example = "M1C1")
        String pnrrComponent,

        @Schema(description = "PNRR measure (Codice Univoco Misura), from the sub-measure", example = "M1C1I1.01")
        String pnrrMeasure,

        @Schema(description = "PNRR sub-measure (Codice Univoco Submisura)", example = "M1C1I1.01.00")
        String pnrrSubMeasure,

        @Schema(description = "The need-prioritised event the study was opened from, if automatic")
        String sourceEventId,

        @Schema(description = "Its milestones") List<MilestoneView> milestones,
        @Schema(description = "Documents linked to it") List<DocumentView> documents,

        @Schema(description = "Impact indicators it measures")
        List<IndicatorView> indicators,

        OffsetDateTime createdAt,
        OffsetDateTime updatedAt,
        OffsetDateTime startedAt,
        OffsetDateTime closedAt,
        long version) {

    @Schema(name = "Milestone")
    public record MilestoneView(
            UUID id,
            @Schema(example = "Analisi dei costi") String title,
            @Schema(example = "2022-11-30") LocalDate dueOn,
            @Schema(example = "2022-11-25") LocalDate reachedOn) {
        public static MilestoneView of(StudyChild.Milestone m) {
            return new MilestoneView(m.id, m.title, m.dueOn, m.reachedOn);
        }
    }

    @Schema(name = "DocumentLink")
    public record DocumentView(UUID id, String title, String url) {
        public static DocumentView of(StudyChild.DocumentLink d) {
            return new DocumentView(d.id, d.title, d.url);
        }
    }

    @Schema(name = "ImpactIndicator")
    public record IndicatorView(
            UUID id,
            @Schema(example = "Pratiche gestite online") String name,
            @Schema(example = "pratiche/anno") String unit,
            @Schema(example = "120") BigDecimal baseline,
            @Schema(example = "900") BigDecimal target) {
        public static IndicatorView of(StudyChild.Indicator i) {
            return new IndicatorView(i.id, i.name, i.unit, i.baseline, i.target);
        }
    }

    /** The study alone, as in lists. */
    public static StudyResponse summary(Study s) {
        return of(s, null, null, null);
    }

    /** The study with its parts, as read one at a time. */
    public static StudyResponse full(Study s) {
        return of(
                s,
                StudyChild.Milestone.<StudyChild.Milestone>list("studyId = ?1 order by dueOn, id", s.id).stream()
                        .map(MilestoneView::of)
                        .toList(),
                StudyChild.DocumentLink.<StudyChild.DocumentLink>list("studyId = ?1 order by createdAt, id", s.id)
                        .stream()
                        .map(DocumentView::of)
                        .toList(),
                StudyChild.Indicator.<StudyChild.Indicator>list("studyId = ?1 order by createdAt, id", s.id).stream()
                        .map(IndicatorView::of)
                        .toList());
    }

    private static StudyResponse of(
            Study s, List<MilestoneView> milestones, List<DocumentView> documents, List<IndicatorView> indicators) {
        PnrrMeasureCode pnrr = s.pnrrSubMeasure == null ? null : PnrrMeasureCode.of(s.pnrrSubMeasure);
        return new StudyResponse(
                s.id,
                s.title,
                s.scope,
                s.needIds,
                s.municipalities,
                s.themes,
                s.leadOrganisation,
                s.leadRole,
                s.status,
                s.verdict,
                s.conditions,
                s.estimatedCostEur,
                s.summary,
                s.abandonReason,
                s.cup,
                s.localProjectCode,
                pnrr == null ? null : pnrr.mission(),
                pnrr == null ? null : pnrr.component(),
                pnrr == null ? null : pnrr.measure(),
                s.pnrrSubMeasure,
                s.sourceEventId,
                milestones,
                documents,
                indicators,
                s.createdAt,
                s.updatedAt,
                s.startedAt,
                s.closedAt,
                s.version);
    }
}
