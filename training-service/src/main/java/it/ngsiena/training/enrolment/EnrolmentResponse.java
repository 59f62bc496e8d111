package it.ngsiena.training.enrolment;

import java.time.OffsetDateTime;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Enrolment")
public record EnrolmentResponse(
        UUID id,
        UUID sessionId,
        UUID participantId,
        @Schema(example = "052032") String municipality,
        @Schema(example = "ENROLLED") EnrolmentStatus status,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt,
        long version) {

    static EnrolmentResponse of(Enrolment e) {
        return new EnrolmentResponse(
                e.id, e.sessionId, e.participantId, e.municipality, e.status, e.createdAt, e.updatedAt, e.version);
    }
}
