package it.ngsiena.contracts.comms;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** An announcement draft was written, by an editor or from another workstream's event (sourceEventId). */
public record AnnouncementDrafted(
        UUID announcementId,
        String title,
        String language,
        String audience,
        List<String> municipalities,
        List<ItemReference> references,
        String sourceEventId,
        OffsetDateTime draftedAt) {

    public static final String TYPE = "it.ngsiena.comms.announcement.drafted.v1";
}
