package it.ngsiena.contracts.participation;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** A planned workshop was cancelled. */
public record WorkshopCancelled(
        UUID workshopId, List<String> municipalities, String reason, OffsetDateTime cancelledAt) {

    public static final String TYPE = "it.ngsiena.participation.workshop.cancelled.v1";
}
