package it.ngsiena.contracts.feasibility;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** A study was linked to a funding opportunity it can apply to, with the match score (0 to 100). */
public record StudyMatched(
        UUID studyId,
        UUID opportunityId,
        List<UUID> needIds,
        List<String> municipalities,
        Integer score,
        OffsetDateTime matchedAt) {

    public static final String TYPE = "it.ngsiena.feasibility.study.matched.v1";
}
