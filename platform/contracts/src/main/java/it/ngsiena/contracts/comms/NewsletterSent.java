package it.ngsiena.contracts.comms;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A newsletter went out over SMTP: counts only, never addresses. */
public record NewsletterSent(
        UUID newsletterId, String language, int announcements, int recipients, int failed, OffsetDateTime sentAt) {

    public static final String TYPE = "it.ngsiena.comms.newsletter.sent.v1";
}
