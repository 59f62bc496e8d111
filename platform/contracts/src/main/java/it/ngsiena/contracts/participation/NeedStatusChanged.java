package it.ngsiena.contracts.participation;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * A need moved in its lifecycle (SUBMITTED, UNDER_REVIEW, PRIORITISED, IN_FEASIBILITY, ASSESSED,
 * REJECTED). {@code studyId} names the feasibility study that caused the move, if one did.
 */
public record NeedStatusChanged(
        UUID needId, String from, String to, List<String> municipalities, UUID studyId, OffsetDateTime changedAt) {

    public static final String TYPE = "it.ngsiena.participation.need.status-changed.v1";
}
