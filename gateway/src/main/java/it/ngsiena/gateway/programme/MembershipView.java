package it.ngsiena.gateway.programme;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A member municipality of the programme. */
@Schema(name = "Membership")
public record MembershipView(
        @Schema(example = "052032") String istatCode,
        @Schema(example = "Siena") String name,

        @Schema(description = "First day of its first period", example = "2022-03-24")
        LocalDate joinedOn,

        @Schema(description = "Date its last period ended; absent while it takes part")
        LocalDate leftOn,

        @Schema(description = "Takes part on the day asked (today by default)")
        boolean active,

        @Schema(description = "Its role on the day asked; absent when it did not take part then", example = "LEAD")
        MembershipRole role,

        @Schema(description = "The role's label in Italian", example = "capofila")
        String roleLabelIt,

        @Schema(description = "The role's label in English", example = "lead")
        String roleLabelEn,

        @Schema(description = "Every period of participation, oldest first")
        List<Period> periods,

        String note,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt,
        long version) {

    /** One period of participation. */
    @Schema(name = "MembershipPeriod")
    public record Period(
            @Schema(description = "First day of the period", example = "2022-03-24")
            LocalDate joinedOn,

            @Schema(description = "Day the period ended (exclusive); absent while it lasts")
            LocalDate leftOn,

            @Schema(description = "Its role in the period", example = "MEMBER")
            MembershipRole role) {}
}
