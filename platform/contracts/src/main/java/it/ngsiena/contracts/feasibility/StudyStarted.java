package it.ngsiena.contracts.feasibility;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** Work on a study began (REQUESTED to IN_PROGRESS), led by an organisation. */
public record StudyStarted(
        UUID studyId,
        List<UUID> needIds,
        List<String> municipalities,
        String leadOrganisation,
        OffsetDateTime startedAt) {

    public static final String TYPE = "it.ngsiena.feasibility.study.started.v1";
}
