package it.ngsiena.contracts.training;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A scheduled session was cancelled, with the reason. */
public record SessionCancelled(
        UUID sessionId, UUID courseId, String reason, long sequence, OffsetDateTime cancelledAt) {

    public static final String TYPE = "it.ngsiena.training.session.cancelled.v1";
}
