package it.ngsiena.contracts.feasibility;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** A milestone of a study was reached. */
public record MilestoneReached(
        UUID studyId,
        UUID milestoneId,
        String title,
        LocalDate dueOn,
        LocalDate reachedOn,
        List<String> municipalities,
        OffsetDateTime recordedAt) {

    public static final String TYPE = "it.ngsiena.feasibility.study.milestone-reached.v1";
}
