package it.ngsiena.contracts.training;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A participant was enrolled in a session, or put on its waiting list ({@code status} ENROLLED or
 * WAITING), or promoted from it to a seat freed by a withdrawal ({@code promotedFromWaitingList}, with status
 * ENROLLED; absent, i.e. false, in events written before version 1.3 of the platform). The participant appears by
 * id, municipality and role (ADMINISTRATOR or EMPLOYEE) only.
 */
public record ParticipantEnrolled(
        UUID enrolmentId,
        UUID sessionId,
        UUID courseId,
        UUID participantId,
        String municipality,
        String participantRole,
        String status,
        boolean promotedFromWaitingList,
        OffsetDateTime at) {

    public static final String TYPE = "it.ngsiena.training.participant.enrolled.v1";
}
