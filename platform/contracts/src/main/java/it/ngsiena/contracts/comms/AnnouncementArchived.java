package it.ngsiena.contracts.comms;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** A published announcement was archived: it leaves the public lists and feeds. */
public record AnnouncementArchived(
        UUID announcementId, String audience, List<String> municipalities, OffsetDateTime archivedAt) {

    public static final String TYPE = "it.ngsiena.comms.announcement.archived.v1";
}
