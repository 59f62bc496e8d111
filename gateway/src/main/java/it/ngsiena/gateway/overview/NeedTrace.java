package it.ngsiena.gateway.overview;

import it.ngsiena.contracts.comms.AnnouncementArchived;
import it.ngsiena.contracts.comms.AnnouncementPublished;
import it.ngsiena.contracts.participation.NeedPrioritised;
import it.ngsiena.contracts.participation.NeedRejected;
import it.ngsiena.contracts.participation.NeedStatusChanged;
import it.ngsiena.contracts.participation.NeedSubmitted;
import it.ngsiena.kernel.events.EventCodec;
import it.ngsiena.kernel.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * What became of a need: its latest state, the studies opened for it with their verdicts, costs and
 * funding, the announcements about it or its studies, and every event on the way, in time order.
 * Built from the event log, so a study that arrived before the need still ends up in the trace, and
 * from the events the caller may see only: a study's funding or a draft announcement is not in the
 * trace of a caller who could not read it from the owning service.
 */
@ApplicationScoped
public class NeedTrace {

    private final EventRows events;

    NeedTrace(EventRows events) {
        this.events = events;
    }

    @Schema(name = "NeedTrace")
    public record Trace(
            @Schema(description = "Id of the need") UUID needId,

            @Schema(description = "Latest known state of the need")
            TracedNeed need,

            @Schema(description = "The feasibility studies opened for the need, in the order they were requested")
            List<TracedStudy> studies,

            @Schema(description = "Announcements about the need or its studies, in the order they were drafted")
            List<TracedAnnouncement> announcements,

            @Schema(description = "Every event about the need, its studies and announcements, oldest first")
            List<Step> timeline) {}

    @Schema(name = "TracedNeed", description = "A need as its events tell it")
    public record TracedNeed(
            @Schema(description = "Id of the need") UUID needId,

            @Schema(description = "Short title", example = "Sportello digitale intercomunale")
            String title,

            @Schema(description = "Theme of the need", example = "DIGITAL_TRANSITION")
            String theme,

            @Schema(
                    description = "How the need was collected",
                    enumeration = {"WORKSHOP", "ONLINE", "SURVEY"})
            String origin,

            @Schema(description = "ISTAT codes of the municipalities that raised it", example = "[\"052032\"]")
            List<String> municipalities,

            @Schema(description = "ISTAT codes of the municipalities that endorsed it", example = "[\"052015\"]")
            List<String> endorsers,

            @Schema(
                    description = "Latest status",
                    enumeration = {
                        "SUBMITTED",
                        "UNDER_REVIEW",
                        "PRIORITISED",
                        "IN_FEASIBILITY",
                        "ASSESSED",
                        "REJECTED",
                        "FEASIBILITY_ABANDONED",
                        "WITHDRAWN"
                    })
            String status,

            @Schema(description = "Why it was prioritised, when it was")
            String rationale,

            @Schema(description = "The answer given when it was rejected, or why its study was abandoned")
            String answer,

            @Schema(description = "When it was submitted") OffsetDateTime submittedAt) {}

    @Schema(name = "TracedStudy", description = "A feasibility study as its events tell it")
    public record TracedStudy(
            @Schema(description = "Id of the study") UUID studyId,

            @Schema(description = "Title, once the study has one", example = "Studio di fattibilità: navetta")
            String title,

            @Schema(description = "Ids of the needs it assesses")
            List<UUID> needIds,

            @Schema(description = "ISTAT codes of the municipalities concerned", example = "[\"052032\"]")
            List<String> municipalities,

            @Schema(
                    description = "Latest status",
                    enumeration = {"REQUESTED", "IN_PROGRESS", "COMPLETED", "ABANDONED"})
            String status,

            @Schema(description = "Organisation leading the study", example = "Open Impact")
            String leadOrganisation,

            @Schema(
                    description = "Verdict, once completed",
                    enumeration = {"FEASIBLE", "FEASIBLE_WITH_CONDITIONS", "NOT_FEASIBLE"})
            String verdict,

            @Schema(description = "Estimated cost in EUR, once completed", example = "120000.00")
            BigDecimal estimatedCostEur,

            @Schema(description = "Why it was abandoned, when it was")
            String reason,

            @Schema(description = "When it was requested") OffsetDateTime requestedAt,
            @Schema(description = "When it started") OffsetDateTime startedAt,
            @Schema(description = "When it was completed") OffsetDateTime completedAt,
            @Schema(description = "When it was abandoned") OffsetDateTime abandonedAt,

            @Schema(description = "Codice Unico di Progetto, once funded", example = "J61B22000120006")
            String cup,

            @Schema(description = "Codice Locale Progetto", example = "SIENA-PNRR-2022-014")
            String localProjectCode,

            @Schema(description = "PNRR mission (Missione)", example = "M1")
            String pnrrMission,

            @Schema(description = "PNRR component (Componente)", example = "M1C1")
            String pnrrComponent,

            @Schema(description = "PNRR measure (Codice Univoco Misura)", example = "M1C1I1.01")
            String pnrrMeasure,

            @Schema(description = "PNRR sub-measure (Codice Univoco Submisura)", example = "M1C1I1.01.00")
            String pnrrSubMeasure,

            @Schema(description = "Its funding sources (only for callers who may read the study's funding)")
            List<TracedFunding> funding,

            @Schema(
                    description = "Money awarded to it by kind of funding; only for callers who may read the study's"
                            + " funding")
            TracedFundingAwarded fundingAwarded) {}

    @Schema(
            name = "TracedFundingAwarded",
            description = "Money awarded to a study (funding sources with status AWARDED),"
                    + " in EUR, by kind of funding; absent kinds have none")
    public record TracedFundingAwarded(
            @Schema(description = "PNRR money", example = "120000.00")
            BigDecimal pnrrEur,

            @Schema(description = "National (State) money", example = "0.00")
            BigDecimal nationalEur,

            @Schema(description = "EU money other than the PNRR", example = "0.00")
            BigDecimal euEur,

            @Schema(description = "The Region's money", example = "0.00")
            BigDecimal regionalEur,

            @Schema(description = "The municipalities' own money", example = "15000.00")
            BigDecimal municipalEur,

            @Schema(description = "Private money", example = "0.00")
            BigDecimal privateEur,

            @Schema(description = "All of it", example = "135000.00")
            BigDecimal totalEur) {}

    @Schema(name = "TracedFunding", description = "A funding source of a study as its events tell it")
    public record TracedFunding(
            @Schema(description = "Id of the funding source")
            UUID fundingSourceId,

            @Schema(description = "Id of the study it funds")
            UUID studyId,

            @Schema(description = "Kind of funding", example = "PNRR")
            String kind,

            @Schema(description = "PNRR mission and component, for PNRR funding", example = "M1C1")
            String pnrrComponent,

            @Schema(description = "Amount in EUR", example = "50000.00")
            BigDecimal amountEur,

            @Schema(
                    description = "Latest status",
                    enumeration = {"IDENTIFIED", "APPLIED", "AWARDED", "REJECTED"})
            String status) {}

    @Schema(name = "TracedAnnouncement", description = "An announcement as its events tell it")
    public record TracedAnnouncement(
            @Schema(description = "Id of the announcement") UUID announcementId,

            @Schema(description = "Title", example = "Studio completato")
            String title,

            @Schema(description = "Summary, once published") String summary,

            @Schema(
                    description = "Language",
                    enumeration = {"it", "en"})
            String language,

            @Schema(
                    description = "Who it is for",
                    enumeration = {"PUBLIC", "MUNICIPALITIES", "PARTNERS"})
            String audience,

            @Schema(description = "ISTAT codes of the municipalities concerned", example = "[\"052032\"]")
            List<String> municipalities,

            @Schema(description = "Tags, once published") List<String> tags,

            @Schema(
                    description = "Latest status",
                    enumeration = {"DRAFT", "PUBLISHED", "ARCHIVED"})
            String status,

            @Schema(description = "When it was published") OffsetDateTime publishedAt) {}

    @Schema(name = "NeedTraceStep", description = "One event in a need's timeline")
    public record Step(
            @Schema(description = "CloudEvents id of the event")
            String eventId,

            @Schema(description = "Event type", example = "it.ngsiena.participation.need.submitted.v1")
            String type,

            @Schema(description = "Workstream that published it", example = "participation")
            String workstream,

            @Schema(description = "Id of the aggregate the event is about")
            String subject,

            @Schema(description = "When it happened") OffsetDateTime time,

            @Schema(description = "Title of what it is about", example = "Sportello digitale intercomunale")
            String title) {}

    /**
     * The ids of the studies opened for the need ?2 (in the form the index activity_study_needs serves:
     * containment, not jsonb_exists).
     */
    private static final String STUDIES_OF_NEED = "select data->>'studyId' from $visible s"
            + " where workstream = 'feasibility' and data->'needIds' @> jsonb_build_array(cast(?2 as text))";

    /** The trace as a caller with these grants sees it: only the events they may see count. */
    public Trace of(UUID needId, Set<String> grants) {
        String need = needId.toString();
        List<EventRows.Row> needEvents = events.read(
                grants,
                "select " + EventRows.COLUMNS + " from $visible a"
                        + " where workstream = 'participation' and data->>'needId' = ?2 order by seq",
                need);
        List<EventRows.Row> studyEvents = events.read(
                grants,
                "select " + EventRows.COLUMNS + " from $visible a"
                        + " where workstream = 'feasibility' and data->>'studyId' in (" + STUDIES_OF_NEED
                        + ") order by seq",
                need);
        List<EventRows.Row> announcementEvents = events.read(
                grants,
                "select " + EventRows.COLUMNS + " from $visible a"
                        + " where workstream = 'comms' and exists (select 1 from"
                        + " jsonb_array_elements(data->'references') r where r->>'id' = ?2 or r->>'id' in ("
                        + STUDIES_OF_NEED
                        + ")) order by seq",
                need);
        if (needEvents.isEmpty() && studyEvents.isEmpty()) {
            throw ProblemException.notFound("Need", needId);
        }
        Map<String, Object> state = new LinkedHashMap<>();
        for (EventRows.Row r : needEvents) {
            EventRows.merge(state, r);
            String status = switch (r.type()) {
                case NeedSubmitted.TYPE -> "SUBMITTED";
                case NeedPrioritised.TYPE -> "PRIORITISED";
                case NeedRejected.TYPE -> "REJECTED";
                case NeedStatusChanged.TYPE -> r.data().path("to").asText();
                default -> null;
            };
            if (status != null) {
                state.put("status", status);
            }
        }
        Map<String, Map<String, Object>> announcements = new LinkedHashMap<>();
        for (EventRows.Row r : announcementEvents) {
            Map<String, Object> a = announcements.computeIfAbsent(
                    r.data().path("announcementId").asText(), k -> new LinkedHashMap<>());
            EventRows.merge(a, r);
            a.put(
                    "status",
                    switch (r.type()) {
                        case AnnouncementArchived.TYPE -> "ARCHIVED";
                        case AnnouncementPublished.TYPE -> "PUBLISHED";
                        default -> "DRAFT";
                    });
        }
        List<Step> timeline = new ArrayList<>();
        for (List<EventRows.Row> rows : List.of(needEvents, studyEvents, announcementEvents)) {
            rows.forEach(r ->
                    timeline.add(new Step(r.eventId(), r.type(), r.workstream(), r.subject(), r.time(), r.title())));
        }
        timeline.sort(java.util.Comparator.comparing(Step::time).thenComparing(Step::eventId));
        // The merged event data read into the parts' records; fields the records leave out are dropped.
        return new Trace(
                needId,
                needEvents.isEmpty() ? null : EventCodec.dataAs(state, TracedNeed.class),
                StudyStates.of(studyEvents).stream()
                        .map(study -> EventCodec.dataAs(study, TracedStudy.class))
                        .toList(),
                announcements.values().stream()
                        .map(a -> EventCodec.dataAs(a, TracedAnnouncement.class))
                        .toList(),
                timeline);
    }
}
