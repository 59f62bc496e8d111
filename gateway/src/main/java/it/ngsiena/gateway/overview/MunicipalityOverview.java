package it.ngsiena.gateway.overview;

import it.ngsiena.gateway.programme.MembershipRole;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What a municipality has done in the programme, in each workstream: aggregates only, no personal data. */
@Schema(name = "MunicipalityOverview")
public record MunicipalityOverview(
        @Schema(example = "052032") String istat,
        @Schema(example = "Siena") String name,
        @Schema(description = "Its training figures") Training training,
        @Schema(description = "Its participation figures") Participation participation,
        @Schema(description = "Its feasibility figures") Feasibility feasibility,
        @Schema(description = "Its communication figures") Comms comms,

        @Schema(description = "Time of the latest event concerning it")
        OffsetDateTime lastActivity,

        @Schema(description = "Whether it took part in the programme on the day asked, and how")
        Membership membership) {

    /** Its participation on a day (the overview's on, today by default). */
    @Schema(name = "OverviewMembership")
    public record Membership(
            @Schema(description = "The day", example = "2022-03-24")
            LocalDate on,

            @Schema(description = "A member of the programme that day")
            boolean member,

            @Schema(description = "Its role that day; absent when it was not a member", example = "MEMBER")
            MembershipRole role) {}

    /** The same figures with its membership on a day. */
    public MunicipalityOverview with(Membership membership) {
        return new MunicipalityOverview(
                istat, name, training, participation, feasibility, comms, lastActivity, membership);
    }

    @Schema(name = "OverviewTraining")
    public record Training(
            @Schema(description = "Distinct people of the municipality holding a seat in a session", example = "6")
            long peopleEnrolled,

            @Schema(description = "The same people by role", example = "{\"ADMINISTRATOR\": 2, \"EMPLOYEE\": 4}")
            Map<String, Long> peopleEnrolledByRole,

            @Schema(description = "Attendances (person × session) recorded", example = "14")
            long attendances,

            @Schema(description = "Hours of training attended", example = "38.5")
            BigDecimal hours,

            @Schema(description = "Sessions with at least one attendee of the municipality", example = "5")
            long sessionsAttended,

            @Schema(description = "Certificates issued to its people", example = "4")
            long certificates) {}

    @Schema(name = "OverviewParticipation")
    public record Participation(
            @Schema(description = "Needs that concern it", example = "5")
            long needs,

            @Schema(description = "Its needs by status", example = "{\"SUBMITTED\": 2, \"ASSESSED\": 1}")
            Map<String, Long> needsByStatus,

            @Schema(description = "Its needs that became area-wide", example = "1")
            long areaWideNeeds,

            @Schema(description = "Other municipalities' needs it endorses", example = "2")
            long endorsementsGiven,

            @Schema(description = "Endorsements its needs received", example = "3")
            long endorsementsReceived) {}

    @Schema(name = "OverviewFeasibility")
    public record Feasibility(
            @Schema(description = "Feasibility studies that concern it", example = "2")
            long studies,

            @Schema(description = "Those studies by status", example = "{\"COMPLETED\": 1, \"IN_PROGRESS\": 1}")
            Map<String, Long> studiesByStatus,

            @Schema(description = "The completed ones by verdict", example = "{\"FEASIBLE\": 1}")
            Map<String, Long> studiesByVerdict,

            @Schema(description = "EUR, completed feasible studies", example = "240000.00")
            BigDecimal feasibleEstimatedCostEur,

            @Schema(description = "EUR, not rejected", example = "240000.00")
            BigDecimal fundingIdentifiedEur,

            @Schema(description = "EUR", example = "180000.00")
            BigDecimal fundingAwardedEur) {}

    @Schema(name = "OverviewComms")
    public record Comms(
            @Schema(description = "Published announcements concerning it", example = "1")
            long announcements) {}

    /** Whether it appears in each workstream's figures. */
    public Map<String, Boolean> activeIn() {
        return Map.of(
                "training", training.peopleEnrolled() + training.certificates() + training.sessionsAttended() > 0,
                "participation", participation.needs() + participation.endorsementsGiven() > 0,
                "feasibility", feasibility.studies() > 0,
                "comms", comms.announcements() > 0);
    }
}
