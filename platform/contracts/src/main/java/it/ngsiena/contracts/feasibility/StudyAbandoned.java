package it.ngsiena.contracts.feasibility;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** A study was abandoned before completion, with the reason. */
public record StudyAbandoned(
        UUID studyId, List<UUID> needIds, List<String> municipalities, String reason, OffsetDateTime abandonedAt) {

    public static final String TYPE = "it.ngsiena.feasibility.study.abandoned.v1";
}
