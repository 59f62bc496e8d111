package it.ngsiena.gateway.overview;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import it.ngsiena.kernel.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
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

    private static final ObjectMapper JSON = new ObjectMapper();

    private final VisibleActivity visible;

    NeedTrace(VisibleActivity visible) {
        this.visible = visible;
    }

    @Schema(name = "NeedTrace")
    public record Trace(UUID needId, @Schema(description = "Latest known state of the need") Map<String, Object> need,
            List<Map<String, Object>> studies, List<Map<String, Object>> announcements,
            @Schema(description = "Every event about the need, its studies and announcements, oldest first")
            List<Step> timeline) {
    }

    @Schema(name = "NeedTraceStep")
    public record Step(String eventId, String type, String workstream, String subject, OffsetDateTime time,
            String title) {
    }

    private record Row(String eventId, String type, String workstream, String subject, OffsetDateTime time,
            String title, JsonNode data) {
    }

    /**
     * The ids of the studies opened for the need ?2 (in the form the index activity_study_needs serves:
     * containment, not jsonb_exists).
     */
    private static final String STUDIES_OF_NEED = "select data->>'studyId' from $visible s"
            + " where workstream = 'feasibility' and data->'needIds' @> jsonb_build_array(cast(?2 as text))";

    /** The trace as a caller with these grants sees it: only the events they may see count. */
    public Trace of(UUID needId, Set<String> grants) {
        String need = needId.toString();
        List<Row> needEvents = rows(grants, "select event_id, event_type, workstream, subject, occurred_at, title,"
                + " data::text from $visible a where workstream = 'participation' and data->>'needId' = ?2 order by seq",
                need);
        List<Row> studyEvents = rows(grants, "select event_id, event_type, workstream, subject, occurred_at, title,"
                + " data::text from $visible a where workstream = 'feasibility' and data->>'studyId' in (" + STUDIES_OF_NEED
                + ") order by seq",
                need);
        List<Row> announcementEvents = rows(grants, "select event_id, event_type, workstream, subject, occurred_at,"
                + " title, data::text from $visible a where workstream = 'comms' and exists (select 1 from"
                + " jsonb_array_elements(data->'references') r where r->>'id' = ?2 or r->>'id' in (" + STUDIES_OF_NEED
                + ")) order by seq",
                need);
        if (needEvents.isEmpty() && studyEvents.isEmpty()) {
            throw ProblemException.notFound("Need", needId);
        }
        Map<String, Object> state = new LinkedHashMap<>();
        for (Row r : needEvents) {
            merge(state, r.data());
            String status = switch (r.type().substring(r.type().lastIndexOf("need.") + 5)) {
                case "submitted.v1" -> "SUBMITTED";
                case "prioritised.v1" -> "PRIORITISED";
                case "rejected.v1" -> "REJECTED";
                case "status-changed.v1" -> r.data().path("to").asText();
                default -> null;
            };
            if (status != null) {
                state.put("status", status);
            }
        }
        Map<String, Map<String, Object>> studies = new LinkedHashMap<>();
        Map<String, Map<String, Object>> funding = new LinkedHashMap<>();
        for (Row r : studyEvents) {
            String study = r.data().path("studyId").asText();
            Map<String, Object> s = studies.computeIfAbsent(study, k -> new LinkedHashMap<>());
            if (r.type().contains("funding-source")) {
                Map<String, Object> f = funding.computeIfAbsent(r.data().path("fundingSourceId").asText(),
                        k -> new LinkedHashMap<>());
                merge(f, r.data());
                continue;
            }
            merge(s, r.data());
            if (r.type().endsWith("study.requested.v1")) {
                s.put("status", "REQUESTED");
            } else if (r.type().endsWith("study.started.v1")) {
                s.put("status", "IN_PROGRESS");
            } else if (r.type().endsWith("study.completed.v1")) {
                s.put("status", "COMPLETED");
            } else if (r.type().endsWith("study.abandoned.v1")) {
                s.put("status", "ABANDONED");
            }
        }
        funding.values().forEach(f -> {
            @SuppressWarnings("unchecked")
            List<Object> list = (List<Object>) studies.get(String.valueOf(f.get("studyId")))
                    .computeIfAbsent("funding", k -> new ArrayList<>());
            list.add(f);
        });
        Map<String, Map<String, Object>> announcements = new LinkedHashMap<>();
        for (Row r : announcementEvents) {
            Map<String, Object> a = announcements.computeIfAbsent(r.data().path("announcementId").asText(),
                    k -> new LinkedHashMap<>());
            merge(a, r.data());
            a.put("status", r.type().endsWith("archived.v1") ? "ARCHIVED"
                    : r.type().endsWith("published.v1") ? "PUBLISHED" : "DRAFT");
        }
        List<Step> timeline = new ArrayList<>();
        for (List<Row> rows : List.of(needEvents, studyEvents, announcementEvents)) {
            rows.forEach(r -> timeline.add(new Step(r.eventId(), r.type(), r.workstream(), r.subject(), r.time(),
                    r.title())));
        }
        timeline.sort(java.util.Comparator.comparing(Step::time).thenComparing(Step::eventId));
        return new Trace(needId, state, new ArrayList<>(studies.values()), new ArrayList<>(announcements.values()),
                timeline);
    }

    @SuppressWarnings("unchecked")
    private static void merge(Map<String, Object> into, JsonNode data) {
        into.putAll(JSON.convertValue(data, Map.class));
    }

    private List<Row> rows(Set<String> grants, String sql, Object... params) {
        List<Row> rows = new ArrayList<>();
        for (Object[] r : VisibleActivity.rows(visible.query(grants, sql, params).getResultList())) {
            try {
                rows.add(new Row((String) r[0], (String) r[1], (String) r[2], (String) r[3], time(r[4]),
                        (String) r[5], JSON.readTree((String) r[6])));
            } catch (java.io.IOException e) {
                throw new IllegalStateException("Unreadable event data in the activity log", e);
            }
        }
        return rows;
    }

    private static OffsetDateTime time(Object value) {
        return value instanceof Instant i ? i.atOffset(ZoneOffset.UTC) : (OffsetDateTime) value;
    }
}
