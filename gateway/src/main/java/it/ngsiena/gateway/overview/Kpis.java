package it.ngsiena.gateway.overview;

import it.ngsiena.gateway.reporting.Period;
import it.ngsiena.gateway.reporting.TargetProgress;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Programme KPIs: per workstream, the events of the period (everything so far by default), per month, and the
 * municipalities concerned; the programme's targets against the period.
 */
@Schema(name = "ProgrammeKpis")
public record Kpis(
        @Schema(description = "The period counted (from and to as asked; absent: open)")
        Period period,

        @Schema(description = "Per workstream (training, participation, feasibility, comms)")
        Map<String, Workstream> workstreams,

        @Schema(description = "Municipalities with at least one event in each workstream")
        Map<String, Long> activeMunicipalities,

        @Schema(description = "Position of the event log these figures come from", example = "1234")
        long logPosition,

        @Schema(description = "The programme's members on the day asked (on, today by default)")
        Members members,

        @Schema(description = "The whole programme's targets against what the period achieved")
        List<TargetProgress> targets) {

    @Schema(name = "ProgrammeMembers")
    public record Members(
            @Schema(description = "The day", example = "2022-03-24")
            LocalDate on,

            @Schema(description = "Municipalities taking part that day", example = "24")
            long total,

            @Schema(
                    description = "The same by role (LEAD, MEMBER, OBSERVER)",
                    example = "{\"LEAD\": 1, \"MEMBER\": 23}")
            Map<String, Long> byRole) {}

    @Schema(name = "WorkstreamKpis")
    public record Workstream(
            @Schema(description = "Events of the workstream in the period", example = "420")
            long events,

            @Schema(
                    description = "Events per month of the period (yyyy-MM, Europe/Rome)",
                    example = "{\"2022-03\": 12, \"2022-04\": 40}")
            Map<String, Long> perMonth,

            @Schema(example = "18") long municipalities) {}
}
