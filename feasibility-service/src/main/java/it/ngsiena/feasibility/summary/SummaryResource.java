package it.ngsiena.feasibility.summary;

import it.ngsiena.kernel.municipality.MunicipalityRegistry;
import it.ngsiena.kernel.problem.ProblemException;
import it.ngsiena.kernel.security.Caller;
import it.ngsiena.kernel.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Figures of the feasibility workstream, summed by PostgreSQL in exact numeric arithmetic. A study
 * shared by several municipalities counts in full in each municipality's summary, once in the
 * programme's.
 */
@Path("/v1/feasibility/summaries")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Summaries", description = "Studies, verdicts, costs and funding per municipality and programme-wide")
public class SummaryResource {

    private final EntityManager em;
    private final MunicipalityRegistry municipalities;
    private final Caller caller;

    SummaryResource(EntityManager em, MunicipalityRegistry municipalities, Caller caller) {
        this.em = em;
        this.municipalities = municipalities;
        this.caller = caller;
    }

    @Schema(name = "FeasibilitySummary")
    public record Summary(
            @Schema(description = "ISTAT code; absent programme-wide", example = "052032")
            String municipality,

            @Schema(description = "Studies in total", example = "7")
            long studies,

            @Schema(
                    description = "Studies by status",
                    example = "{\"REQUESTED\": 2, \"IN_PROGRESS\": 2, \"COMPLETED\": 3}")
            Map<String, Long> byStatus,

            @Schema(description = "Completed studies by verdict", example = "{\"FEASIBLE\": 2, \"NOT_FEASIBLE\": 1}")
            Map<String, Long> byVerdict,

            @Schema(
                    description = "EUR: completed studies found feasible (with or without conditions)",
                    example = "420000.00")
            BigDecimal feasibleEstimatedCostEur,

            @Schema(description = "EUR: funding sources not rejected", example = "380000.00")
            BigDecimal fundingIdentifiedEur,

            @Schema(description = "EUR: funding sources awarded", example = "150000.00")
            BigDecimal fundingAwardedEur) {}

    @GET
    @Path("/municipalities/{istat}")
    @RolesAllowed(Roles.ANY_PLATFORM_ROLE)
    @Transactional
    @Operation(
            operationId = "feasibilityMunicipalitySummary",
            summary = "The feasibility figures of a municipality",
            description = "Partners, the admin, viewers, and officers of that municipality.")
    @APIResponse(
            responseCode = "200",
            description = "The figures",
            content = @Content(schema = @Schema(implementation = Summary.class)))
    @APIResponse(responseCode = "403", description = "An officer of another municipality")
    @APIResponse(responseCode = "404", description = "No such municipality")
    public Summary municipality(@PathParam("istat") String istat) {
        if (!municipalities.exists(istat)) {
            throw ProblemException.notFound("Municipality", istat);
        }
        if (caller.hasRole(Roles.MUNICIPALITY_OFFICER)
                && !caller.isOfficerOfAny(List.of(istat))
                && !caller.hasAnyRole(Roles.PROGRAMME_ADMIN, Roles.VIEWER, Roles.FEASIBILITY_PARTNER)) {
            throw ProblemException.forbidden("Officers see the summary of their own municipality");
        }
        return summary(istat);
    }

    @GET
    @Path("/programme")
    @RolesAllowed(Roles.ANY_PLATFORM_ROLE)
    @Transactional
    @Operation(
            operationId = "feasibilityProgrammeSummary",
            summary = "The feasibility figures of the whole programme",
            description = "Any platform role. Studies by status and verdict, the estimated cost of the feasible "
                    + "ones, and the funding by status, over the whole programme (counts and sums only).")
    @APIResponse(
            responseCode = "200",
            description = "The figures",
            content = @Content(schema = @Schema(implementation = Summary.class)))
    public Summary programme() {
        return summary(null);
    }

    @SuppressWarnings("unchecked")
    private Summary summary(String istat) {
        String where = istat == null ? "" : " where cast(:m as text) = any(s.municipalities)";
        var studies = em.createNativeQuery("select s.status, s.verdict, count(*), coalesce(sum(s.estimated_cost_eur)"
                + " filter (where s.status = 'COMPLETED' and s.verdict in ('FEASIBLE', 'FEASIBLE_WITH_CONDITIONS')), 0)"
                + " from study s" + where + " group by s.status, s.verdict");
        var funding = em.createNativeQuery("select f.status, coalesce(sum(f.amount_eur), 0) from funding_source f"
                + " join study s on s.id = f.study_id" + where + " group by f.status");
        if (istat != null) {
            studies.setParameter("m", istat);
            funding.setParameter("m", istat);
        }
        Map<String, Long> byStatus = new TreeMap<>();
        Map<String, Long> byVerdict = new TreeMap<>();
        long total = 0;
        BigDecimal feasibleCost = BigDecimal.ZERO.setScale(2);
        for (Object[] row : (List<Object[]>) studies.getResultList()) {
            long count = ((Number) row[2]).longValue();
            total += count;
            byStatus.merge((String) row[0], count, Long::sum);
            if (row[1] != null) {
                byVerdict.merge((String) row[1], count, Long::sum);
            }
            feasibleCost = feasibleCost.add((BigDecimal) row[3]);
        }
        BigDecimal identified = BigDecimal.ZERO.setScale(2);
        BigDecimal awarded = BigDecimal.ZERO.setScale(2);
        for (Object[] row : (List<Object[]>) funding.getResultList()) {
            BigDecimal amount = (BigDecimal) row[1];
            if (!"REJECTED".equals(row[0])) {
                identified = identified.add(amount);
            }
            if ("AWARDED".equals(row[0])) {
                awarded = awarded.add(amount);
            }
        }
        return new Summary(istat, total, byStatus, byVerdict, feasibleCost, identified, awarded);
    }
}
