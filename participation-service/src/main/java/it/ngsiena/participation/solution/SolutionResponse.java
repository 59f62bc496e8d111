package it.ngsiena.participation.solution;

import java.time.OffsetDateTime;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Solution")
public record SolutionResponse(
        UUID id,
        UUID needId,

        @Schema(example = "Piattaforma unica in riuso da un comune capofila")
        String title,

        String description,
        @Schema(example = "Comune di Siena") String proposerOrganisation,
        @Schema(example = "2022-05-10T14:00:00Z") OffsetDateTime createdAt) {

    public static SolutionResponse of(SolutionIdea s) {
        return new SolutionResponse(s.id, s.needId, s.title, s.description, s.proposerOrganisation, s.createdAt);
    }
}
