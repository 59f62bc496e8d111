package it.ngsiena.gateway.programme;

import it.ngsiena.kernel.time.OccurredAt;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A municipality's membership as the programme admin records it: its periods, or (the short form for one
 * period) joinedOn, leftOn and role.
 */
@Schema(name = "MembershipRequest")
public record MembershipRequest(
        @Schema(
                description = "First day of participation (one period; leave out when giving periods)",
                example = "2022-03-24")
        LocalDate joinedOn,

        @Schema(
                description = "Day it stopped taking part (exclusive); absent while it takes part",
                example = "2023-01-01")
        LocalDate leftOn,

        @Schema(description = "Its role in that one period; MEMBER when left out", example = "MEMBER")
        MembershipRole role,

        @Schema(
                description = "Every period of participation, oldest first, none overlapping; only the last may be"
                        + " open (no leftOn)")
        @Size(max = 50)
        List<@Valid @NotNull Period> periods,

        @Schema(example = "Adesione deliberata dalla giunta comunale") @Size(max = 500)
        String note,

        @Schema(
                description = "When the change was decided, not stored: it dates the membership's event. "
                        + OccurredAt.DESCRIPTION,
                example = "2022-03-24T10:00:00+01:00")
        OffsetDateTime occurredAt) {

    /** One period of participation. */
    @Schema(name = "MembershipPeriodRequest")
    public record Period(
            @Schema(description = "First day of the period", example = "2022-03-24") @NotNull
            LocalDate joinedOn,

            @Schema(description = "Day the period ended (exclusive); absent while it lasts", example = "2023-01-01")
            LocalDate leftOn,

            @Schema(description = "Its role in the period", example = "LEAD") @NotNull
            MembershipRole role) {}

    @AssertTrue(message = "give joinedOn (one period) or periods, not both")
    @Schema(hidden = true)
    boolean isJoinedOn() {
        return (joinedOn == null) != (periods == null || periods.isEmpty());
    }

    @AssertTrue(message = "must be after joinedOn")
    @Schema(hidden = true)
    boolean isLeftOn() {
        return leftOn == null || joinedOn == null || leftOn.isAfter(joinedOn);
    }

    @AssertTrue(
            message = "each period ends after it starts, and starts on or after the day the one before it"
                    + " ended; only the last may be open")
    @Schema(hidden = true)
    boolean isPeriods() {
        if (periods == null) {
            return true;
        }
        LocalDate previousEnd = null;
        for (int i = 0; i < periods.size(); i++) {
            Period p = periods.get(i);
            if (p == null || p.joinedOn() == null) {
                return true; // reported by the period's own constraints
            }
            if (p.leftOn() != null && !p.leftOn().isAfter(p.joinedOn())) {
                return false;
            }
            if (i > 0 && (previousEnd == null || p.joinedOn().isBefore(previousEnd))) {
                return false;
            }
            previousEnd = p.leftOn();
        }
        return true;
    }

    /** The periods asked for, in the one form. */
    List<Period> asPeriods() {
        return periods != null && !periods.isEmpty()
                ? periods
                : List.of(new Period(joinedOn, leftOn, role == null ? MembershipRole.MEMBER : role));
    }
}
