package it.ngsiena.contracts.participation;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** A solution idea was proposed for a need. */
public record SolutionProposed(
        UUID solutionId,
        UUID needId,
        String title,
        String proposerOrganisation,
        List<String> municipalities,
        OffsetDateTime proposedAt) {

    public static final String TYPE = "it.ngsiena.participation.solution.proposed.v1";
}
