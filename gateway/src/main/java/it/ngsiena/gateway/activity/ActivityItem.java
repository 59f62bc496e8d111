package it.ngsiena.gateway.activity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.OffsetDateTime;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One event in the activity feed. */
@Schema(name = "ActivityItem")
public record ActivityItem(
        @Schema(description = "CloudEvents id", example = "b1f0d3a2-5a0e-4a3f-8d2c-1f5e9c0a7b11")
        String id,

        @Schema(description = "Event type", example = "it.ngsiena.participation.need.submitted.v1")
        String type,

        @Schema(description = "Workstream that published it", example = "participation")
        String workstream,

        @Schema(description = "CloudEvents source: the publishing service", example = "/participation-service")
        String source,

        @Schema(description = "Id of the aggregate the event is about")
        String subject,

        @Schema(description = "When it happened", example = "2022-03-24T10:00:00Z")
        OffsetDateTime time,

        @Schema(example = "[\"052032\"]") List<String> municipalities,

        @Schema(description = "Title of what it is about", example = "Sportello digitale intercomunale")
        String title,

        @Schema(
                description = "The event's data, as published, with an erased participant's id replaced by a pseudonym"
                        + " (events carry no names or e-mails)")
        JsonNode data) {

    /** The item of a stored entry. */
    static ActivityItem of(ActivityEntry e, ObjectMapper json) {
        try {
            return new ActivityItem(
                    e.eventId,
                    e.type,
                    e.workstream,
                    e.source,
                    e.subject,
                    e.occurredAt,
                    e.municipalities,
                    e.title,
                    json.readTree(e.data));
        } catch (Exception ex) {
            throw new IllegalStateException("stored event " + e.eventId + " has unreadable data", ex);
        }
    }

    /** The item of a stored entry as JSON text, as the feed and the stream send it. */
    static String jsonOf(ActivityEntry e, ObjectMapper json) {
        try {
            return json.writeValueAsString(of(e, json));
        } catch (com.fasterxml.jackson.core.JsonProcessingException ex) {
            throw new IllegalStateException("stored event " + e.eventId + " cannot be written", ex);
        }
    }
}
