package it.ngsiena.contracts.participation;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * A need moved in its lifecycle (SUBMITTED, UNDER_REVIEW, PRIORITISED, IN_FEASIBILITY, ASSESSED,
 * REJECTED, FEASIBILITY_ABANDONED, WITHDRAWN). {@code studyId} names the feasibility study that caused the move, if
 * one did; {@code answer} is the need's answer after the move (why it was rejected, or why its study was
 * abandoned), null otherwise, and absent in events written before it existed.
 */
public record NeedStatusChanged(
        UUID needId,
        String from,
        String to,
        List<String> municipalities,
        UUID studyId,
        OffsetDateTime changedAt,
        String answer) {

    public static final String TYPE = "it.ngsiena.participation.need.status-changed.v1";
}
