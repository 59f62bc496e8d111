package it.ngsiena.gateway.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import it.ngsiena.gateway.activity.ActivityEntry;
import java.time.OffsetDateTime;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One thing done to a record: what, when, by whom, as its event told the platform. */
@Schema(name = "AuditEntry")
public record AuditEntry(
        @Schema(
                description = "CloudEvents id of the event that recorded it",
                example = "b1f0d3a2-5a0e-4a3f-8d2c-1f5e9c0a7b11")
        String eventId,

        @Schema(description = "What was done: the event type", example = "it.ngsiena.participation.need.prioritised.v1")
        String type,

        @Schema(description = "Workstream whose service recorded it", example = "participation")
        String workstream,

        @Schema(description = "Id of the record it was done to", example = "3f6c2a7e-6a8b-4f4e-9a57-2f0c1f7b9d10")
        String subject,

        @Schema(
                description = "When it happened (a date given for something recorded afterwards)",
                example = "2022-05-12T09:30:00Z")
        OffsetDateTime time,

        @Schema(description = "When the platform's gateway received it", example = "2022-05-12T09:30:01Z")
        OffsetDateTime recordedAt,

        @Schema(description = "Who did it; absent for events published before the platform recorded actors")
        ActorView actor,

        @Schema(description = "The event's data, as the activity feed shows it")
        JsonNode data) {

    static AuditEntry of(ActivityEntry e, boolean showSubject, ObjectMapper json) {
        try {
            return new AuditEntry(
                    e.eventId,
                    e.type,
                    e.workstream,
                    e.subject,
                    e.occurredAt,
                    e.receivedAt,
                    ActorView.of(e.actorSubject, e.actorClient, e.actorRole, showSubject),
                    json.readTree(e.data));
        } catch (Exception ex) {
            throw new IllegalStateException("stored event " + e.eventId + " has unreadable data", ex);
        }
    }
}
