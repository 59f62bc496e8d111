package it.ngsiena.contracts.feasibility;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** A feasibility study was opened for one or more needs (the participation service moves them to IN_FEASIBILITY); sourceEventId names the need-prioritised event it was opened from, if any. */
public record StudyRequested(
        UUID studyId,
        List<UUID> needIds,
        List<String> municipalities,
        String title,
        List<String> themes,
        String sourceEventId,
        OffsetDateTime requestedAt) {

    public static final String TYPE = "it.ngsiena.feasibility.study.requested.v1";
}
