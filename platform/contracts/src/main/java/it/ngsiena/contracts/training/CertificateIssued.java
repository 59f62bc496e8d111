package it.ngsiena.contracts.training;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A participant reached a course's attendance threshold; by id and municipality only. */
public record CertificateIssued(
        UUID certificateId,
        UUID courseId,
        UUID participantId,
        String municipality,
        BigDecimal attendedHours,
        OffsetDateTime issuedAt) {

    public static final String TYPE = "it.ngsiena.training.certificate.issued.v1";
}
