package it.ngsiena.comms.notification;

import java.time.OffsetDateTime;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An inbox item as the API shows it: the title in the caller's language and in the other. */
@Schema(name = "Notification", description = "Something the caller was told of")
public record NotificationView(
        @Schema(example = "3fa85f64-5717-4562-b3fc-2c963f66afa6")
        UUID id,

        @Schema(description = "What it is about", example = "NEEDS")
        Category category,

        @Schema(description = "The event's type", example = "it.ngsiena.participation.need.prioritised.v1")
        String eventType,

        @Schema(
                description = "The event's id (in the activity feed too)",
                example = "0f8fad5b-d9cb-469f-a165-70867728950e")
        String eventId,

        @Schema(description = "What the event is about, by id", example = "7c9e6679-7425-40de-944b-e07fc1f90ae7")
        String subject,

        @Schema(description = "In Italian", example = "Bisogno prioritario: «Sportello digitale»")
        String titleIt,

        @Schema(description = "In English", example = "Need prioritised: «Sportello digitale»")
        String titleEn,

        @Schema(description = "When it happened") OffsetDateTime occurredAt,
        @Schema(description = "When the caller was told") OffsetDateTime createdAt,

        @Schema(description = "When the caller marked it read; absent while unread")
        OffsetDateTime readAt) {

    static NotificationView of(Notification n) {
        return new NotificationView(
                n.id,
                n.category,
                n.eventType,
                n.eventId,
                n.subjectId,
                n.titleIt,
                n.titleEn,
                n.occurredAt,
                n.createdAt,
                n.readAt);
    }

    /** How many items the caller has not read. */
    @Schema(name = "UnreadCount")
    public record Unread(
            @Schema(description = "Notifications the caller has not marked read", example = "3")
            long unread) {}

    /** How many items a mark-all-read marked. */
    @Schema(name = "MarkedRead")
    public record Marked(
            @Schema(description = "Notifications this call marked read", example = "3")
            long marked) {}
}
