package it.ngsiena.contracts.training;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A session of a course was scheduled. The trainer is not in the event. */
public record SessionScheduled(
        UUID sessionId,
        UUID courseId,
        String title,
        String format,
        OffsetDateTime startsAt,
        OffsetDateTime endsAt,
        String venue,
        int capacity,
        OffsetDateTime scheduledAt) {

    public static final String TYPE = "it.ngsiena.training.session.scheduled.v1";
}
