package it.ngsiena.gateway.overview;

import it.ngsiena.kernel.paging.Items;
import jakarta.annotation.security.PermitAll;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.stream.Collectors;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** One row per municipality with the headline figures of every workstream, as open data (CSV and JSON). */
@Path("/v1/open-data")
@Tag(name = "Open data", description = "Aggregate, non-personal figures for reuse")
public class OpenDataResource {

    /** The stable column names, in order. */
    static final List<String> COLUMNS = List.of("istat_code", "name", "people_enrolled", "attendances",
            "training_hours", "sessions_attended", "certificates", "needs", "area_wide_needs", "endorsements_given",
            "endorsements_received", "studies", "studies_feasible", "feasible_estimated_cost_eur",
            "funding_identified_eur", "funding_awarded_eur", "announcements");

    private final OverviewResource overviews;
    private final it.ngsiena.kernel.municipality.MunicipalityRegistry municipalities;

    OpenDataResource(OverviewResource overviews, it.ngsiena.kernel.municipality.MunicipalityRegistry municipalities) {
        this.overviews = overviews;
        this.municipalities = municipalities;
    }

    @GET
    @Path("/municipalities.csv")
    @PermitAll
    @Transactional
    @Produces("text/csv")
    @Operation(operationId = "openDataMunicipalitiesCsv", summary = "Municipality figures as CSV (RFC 4180, UTF-8)",
            description = "Public. Header row, then one row per municipality; columns: istat_code, name,"
                    + " people_enrolled, attendances, training_hours, sessions_attended, certificates, needs,"
                    + " area_wide_needs, endorsements_given, endorsements_received, studies, studies_feasible,"
                    + " feasible_estimated_cost_eur, funding_identified_eur, funding_awarded_eur, announcements."
                    + " Amounts in EUR with a dot as decimal separator. Only aggregates, no personal data.")
    @APIResponse(responseCode = "200", description = "text/csv",
            content = @Content(mediaType = "text/csv", schema = @Schema(type = SchemaType.STRING), example = """
                    istat_code,name,people_enrolled,attendances,training_hours,sessions_attended,certificates,needs,\
                    area_wide_needs,endorsements_given,endorsements_received,studies,studies_feasible,\
                    feasible_estimated_cost_eur,funding_identified_eur,funding_awarded_eur,announcements
                    052032,Siena,12,30,84.5,6,4,5,1,2,3,2,1,120000.00,50000.00,0.00,3
                    """))
    public Response csv() {
        StringBuilder out = new StringBuilder(String.join(",", COLUMNS)).append("\r\n");
        for (List<String> row : rows()) {
            out.append(row.stream().map(OpenDataResource::cell).collect(Collectors.joining(","))).append("\r\n");
        }
        return Response.ok(out.toString(), "text/csv; charset=utf-8; header=present")
                .header("Content-Disposition", "inline; filename=\"ngsiena-municipalities.csv\"").build();
    }

    @GET
    @Path("/municipalities.json")
    @PermitAll
    @Transactional
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "openDataMunicipalitiesJson", summary = "Municipality figures as JSON",
            description = "Public. The same rows and column names as the CSV, one object per municipality.")
    @APIResponse(responseCode = "200", description = "One object per municipality")
    public Items<java.util.Map<String, String>> json() {
        return Items.of(rows().stream().map(row -> {
            java.util.Map<String, String> object = new java.util.LinkedHashMap<>();
            for (int i = 0; i < COLUMNS.size(); i++) {
                object.put(COLUMNS.get(i), row.get(i));
            }
            return object;
        }).toList());
    }

    private List<List<String>> rows() {
        return municipalities.all().stream().map(m -> {
            MunicipalityOverview o = overviews.overview(m.istatCode(), null);
            var t = o.training();
            var p = o.participation();
            var f = o.feasibility();
            long feasible = f.studiesByVerdict().getOrDefault("FEASIBLE", 0L)
                    + f.studiesByVerdict().getOrDefault("FEASIBLE_WITH_CONDITIONS", 0L);
            return List.of(o.istat(), o.name(), n(t.peopleEnrolled()), n(t.attendances()), t.hours().toPlainString(),
                    n(t.sessionsAttended()), n(t.certificates()), n(p.needs()), n(p.areaWideNeeds()),
                    n(p.endorsementsGiven()), n(p.endorsementsReceived()), n(f.studies()), n(feasible),
                    f.feasibleEstimatedCostEur().toPlainString(), f.fundingIdentifiedEur().toPlainString(),
                    f.fundingAwardedEur().toPlainString(), n(o.comms().announcements()));
        }).toList();
    }

    private static String n(long value) {
        return Long.toString(value);
    }

    /**
     * RFC 4180: a cell with a comma, a quote or a line break is quoted, its quotes doubled. A cell that a
     * spreadsheet would run as a formula (starting with =, +, -, @, tab or CR) and is not a plain number
     * gets a leading apostrophe, so opening the file runs nothing.
     */
    static String cell(String value) {
        if (!value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 && !value.matches("-?\\d+(\\.\\d+)?")) {
            value = "'" + value;
        }
        if (value.contains(",") || value.contains("\"") || value.contains("\n") || value.contains("\r")) {
            return "\"" + value.replace("\"", "\"\"") + "\"";
        }
        return value;
    }
}
