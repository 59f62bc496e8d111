package it.ngsiena.participation.need;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A need as clients see it. */
@Schema(name = "Need")
public record NeedResponse(
        @Schema(example = "3f6c2a7e-6a8b-4f4e-9a57-2f0c1f7b9d10") UUID id,
        String title,
        String description,
        @Schema(example = "DIGITAL_TRANSITION") Theme theme,
        @Schema(example = "Transizione digitale") String themeLabelIt,
        @Schema(example = "Digital transition") String themeLabelEn,
        @Schema(example = "[\"052032\", \"052015\"]") List<String> municipalities,
        NeedOrigin origin,
        NeedStatus status,
        String submitterOrganisation,
        @Schema(example = "2022-04-12T09:30:00Z") OffsetDateTime createdAt,
        @Schema(example = "2022-04-12T09:30:00Z") OffsetDateTime updatedAt,
        @Schema(example = "0") long version) {

    static NeedResponse of(Need need) {
        return new NeedResponse(need.id, need.title, need.description, need.theme, need.theme.labelIt(),
                need.theme.labelEn(), need.municipalities, need.origin, need.status, need.submitterOrganisation,
                need.createdAt, need.updatedAt, need.version);
    }
}
