package it.ngsiena.contracts.training;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A scheduled session's seats changed. Raising them promotes the first on the waiting list, in order (each
 * a participant-enrolled event with promotedFromWaitingList); they never go below the seats taken.
 */
public record SessionCapacityChanged(
        UUID sessionId, UUID courseId, int capacity, int previousCapacity, OffsetDateTime changedAt) {

    public static final String TYPE = "it.ngsiena.training.session.capacity-changed.v1";
}
