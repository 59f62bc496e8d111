package it.ngsiena.contracts.training;

import java.time.OffsetDateTime;
import java.util.UUID;

/** An enrolment was withdrawn; the participant appears by id and municipality only. */
public record EnrolmentWithdrawn(
        UUID enrolmentId,
        UUID sessionId,
        UUID courseId,
        UUID participantId,
        String municipality,
        OffsetDateTime withdrawnAt) {

    public static final String TYPE = "it.ngsiena.training.enrolment.withdrawn.v1";
}
