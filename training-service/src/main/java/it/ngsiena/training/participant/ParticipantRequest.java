package it.ngsiena.training.participant;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "ParticipantRequest")
public record ParticipantRequest(
        @Schema(description = "Given name (personal data)", example = "Giulia") @NotBlank @Size(max = 100)
        String givenName,

        @Schema(description = "Family name (personal data)", example = "Rossi") @NotBlank @Size(max = 100)
        String familyName,

        @Schema(example = "giulia.rossi@comune.example.it") @NotBlank @Email @Size(max = 254)
        String email,

        @Schema(example = "052032") @NotNull @Pattern(regexp = "\\d{6}", message = "must be a 6-digit ISTAT code")
        String municipality,

        @Schema(example = "EMPLOYEE") @NotNull ParticipantRole role,

        @Schema(description = "Office or department they work in", example = "Ufficio tecnico") @Size(max = 200)
        String office) {}
