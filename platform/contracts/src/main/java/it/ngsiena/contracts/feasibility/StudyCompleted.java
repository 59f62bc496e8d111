package it.ngsiena.contracts.feasibility;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** A feasibility study was completed with its verdict (FEASIBLE, FEASIBLE_WITH_CONDITIONS or NOT_FEASIBLE) and estimated cost in EUR (the participation service moves the needs to ASSESSED). */
public record StudyCompleted(
        UUID studyId,
        List<UUID> needIds,
        List<String> municipalities,
        String verdict,
        BigDecimal estimatedCostEur,
        String title,
        OffsetDateTime completedAt) {

    public static final String TYPE = "it.ngsiena.feasibility.study.completed.v1";
}
