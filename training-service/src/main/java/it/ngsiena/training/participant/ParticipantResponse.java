package it.ngsiena.training.participant;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A participant. Name, e-mail and office are present only for the training partner, the programme
 * admin and officers of the participant's municipality.
 */
@Schema(name = "Participant")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ParticipantResponse(
        UUID id,
        @Schema(example = "052032") String municipality,
        @Schema(example = "EMPLOYEE") ParticipantRole role,

        @Schema(description = "Personal data, for authorised callers only", example = "Giulia")
        String givenName,

        @Schema(description = "Personal data, for authorised callers only", example = "Rossi")
        String familyName,

        @Schema(description = "Personal data, for authorised callers only", example = "giulia.rossi@comune.example.it")
        String email,

        @Schema(description = "Personal data, for authorised callers only", example = "Ufficio tecnico")
        String office,

        OffsetDateTime createdAt,
        OffsetDateTime updatedAt,

        @Schema(description = "Set when the personal data was erased on request")
        OffsetDateTime erasedAt,

        Long version) {

    public static ParticipantResponse full(Participant p) {
        return new ParticipantResponse(
                p.id,
                p.municipality,
                p.role,
                p.givenName,
                p.familyName,
                p.email,
                p.office,
                p.createdAt,
                p.updatedAt,
                p.erasedAt,
                p.version);
    }

    static ParticipantResponse anonymous(Participant p) {
        return new ParticipantResponse(p.id, p.municipality, p.role, null, null, null, null, null, null, null, null);
    }
}
