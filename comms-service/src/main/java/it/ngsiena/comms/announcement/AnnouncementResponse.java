package it.ngsiena.comms.announcement;

import com.fasterxml.jackson.annotation.JsonInclude;
import it.ngsiena.contracts.comms.ItemReference;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An announcement; {@code bodyHtml} only when asked for with {@code render=html}. */
@Schema(name = "Announcement")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AnnouncementResponse(
        UUID id,

        @Schema(example = "Al via i laboratori d'autunno di Next Generation Siena")
        String title,

        String summary,
        @Schema(description = "Markdown") String body,

        @Schema(description = "Safe HTML of the body (raw HTML escaped, unsafe links removed)")
        String bodyHtml,

        @Schema(example = "it") String language,
        Audience audience,
        List<String> tags,
        List<String> municipalities,
        List<ItemReference> references,
        AnnouncementStatus status,

        @Schema(description = "Set on drafts written from another workstream's event")
        String sourceEventId,

        @Schema(
                description = "The original this announcement translates; the translations of an original are listed"
                        + " with GET /v1/comms/announcements?translationOf={id}",
                example = "0f8d5c3a-1b2e-4d6f-9a7c-3e5b1d2f4a60")
        UUID translationOf,

        OffsetDateTime publishedAt,
        OffsetDateTime archivedAt,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt,
        long version) {

    static AnnouncementResponse of(Announcement a, String bodyHtml) {
        return new AnnouncementResponse(
                a.id,
                a.title,
                a.summary,
                a.body,
                bodyHtml,
                a.language,
                a.audience,
                a.tags,
                a.municipalities,
                a.references,
                a.status,
                a.sourceEventId,
                a.translationOf,
                a.publishedAt,
                a.archivedAt,
                a.createdAt,
                a.updatedAt,
                a.version);
    }
}
