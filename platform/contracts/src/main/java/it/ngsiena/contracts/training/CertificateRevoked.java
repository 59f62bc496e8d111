package it.ngsiena.contracts.training;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A certificate no longer holds, with the reason: revoked by the training partner, or because the
 * attendance it was issued on was corrected below the course's threshold. By id and municipality only.
 */
public record CertificateRevoked(
        UUID certificateId,
        UUID courseId,
        UUID participantId,
        String municipality,
        String reason,
        OffsetDateTime revokedAt) {

    public static final String TYPE = "it.ngsiena.training.certificate.revoked.v1";
}
