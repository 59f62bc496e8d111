package it.ngsiena.contracts.comms;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** An announcement was published to its audience (PUBLIC, MUNICIPALITIES or PARTNERS). */
public record AnnouncementPublished(
        UUID announcementId,
        String title,
        String summary,
        String language,
        String audience,
        List<String> tags,
        List<String> municipalities,
        List<ItemReference> references,
        OffsetDateTime publishedAt) {

    public static final String TYPE = "it.ngsiena.comms.announcement.published.v1";
}
