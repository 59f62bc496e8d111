package it.ngsiena.participation.workshop;

import it.ngsiena.kernel.text.MarkdownRenderer;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Workshop")
public record WorkshopResponse(
        UUID id,

        @Schema(example = "Laboratorio di co-progettazione Val d'Orcia")
        String title,

        @Schema(example = "2022-05-12T13:00:00Z") OffsetDateTime startsAt,
        @Schema(example = "2022-05-12T16:00:00Z") OffsetDateTime endsAt,
        @Schema(example = "Sala consiliare, Pienza") String place,
        String meetingLink,
        @Schema(example = "[\"052021\", \"052030\"]") List<String> municipalities,
        @Schema(example = "Co-Design Toscana") String facilitator,
        WorkshopStatus status,
        @Schema(example = "Programmato") String statusLabelIt,
        @Schema(example = "Planned") String statusLabelEn,
        Integer attendanceCount,

        @Schema(description = "The minutes (Markdown), once held", example = "Emersi 6 bisogni, **2 intercomunali**.")
        String minutes,

        @Schema(
                description = "The minutes as HTML that a portal can insert as it is (raw HTML escaped, only http,"
                        + " https and mailto links)",
                example = "<p>Emersi 6 bisogni, <strong>2 intercomunali</strong>.</p>\n")
        String minutesHtml,

        String cancelReason,

        @Schema(description = "When it took place, once held", example = "2022-05-12T16:30:00Z")
        OffsetDateTime heldAt,

        OffsetDateTime createdAt,
        OffsetDateTime updatedAt,
        long version) {

    static WorkshopResponse of(Workshop w, MarkdownRenderer markdown) {
        return new WorkshopResponse(
                w.id,
                w.title,
                w.startsAt,
                w.endsAt,
                w.place,
                w.meetingLink,
                w.municipalities,
                w.facilitator,
                w.status,
                w.status.labelIt(),
                w.status.labelEn(),
                w.attendanceCount,
                w.minutes,
                w.minutes == null ? null : markdown.toSafeHtml(w.minutes),
                w.cancelReason,
                w.heldAt,
                w.createdAt,
                w.updatedAt,
                w.version);
    }
}
