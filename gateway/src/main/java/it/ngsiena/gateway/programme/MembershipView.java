package it.ngsiena.gateway.programme;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A member municipality of the programme. */
@Schema(name = "Membership")
public record MembershipView(
        @Schema(example = "052032") String istatCode,
        @Schema(example = "Siena") String name,
        @Schema(example = "2022-03-24") LocalDate joinedOn,
        @Schema(description = "Date the municipality left the programme; absent while it takes part") LocalDate leftOn,
        @Schema(description = "Takes part on the day asked (today by default)") boolean active,
        String note,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt,
        long version) {
}
