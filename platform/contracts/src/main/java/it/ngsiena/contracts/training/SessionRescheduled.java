package it.ngsiena.contracts.training;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A scheduled session moved; {@code sequence} grows with every change (calendar clients use it). */
public record SessionRescheduled(
        UUID sessionId,
        UUID courseId,
        OffsetDateTime startsAt,
        OffsetDateTime endsAt,
        String venue,
        long sequence,
        OffsetDateTime rescheduledAt) {

    public static final String TYPE = "it.ngsiena.training.session.rescheduled.v1";
}
