package it.ngsiena.gateway.overview;

import it.ngsiena.gateway.programme.MembershipRole;
import it.ngsiena.gateway.programme.MembershipService;
import it.ngsiena.kernel.municipality.Municipality;
import it.ngsiena.kernel.municipality.MunicipalityRegistry;
import it.ngsiena.kernel.paging.Items;
import it.ngsiena.kernel.problem.ProblemException;
import it.ngsiena.kernel.security.Caller;
import jakarta.annotation.security.PermitAll;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * What each municipality has done in the programme: public aggregates. (The gateway's resources have paths
 * of their own under {@code /v1/}: a bare {@code /v1} would lose its requests to the workstream proxy.)
 */
@Path("/v1/municipalities")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Programme figures", description = "Aggregates of every workstream's events; no personal data")
public class OverviewResource {

    private final ProgrammeFigures figures;
    private final MunicipalityRegistry municipalities;
    private final FiguresCache cache;
    private final Caller caller;
    private final MembershipService memberships;

    OverviewResource(
            ProgrammeFigures figures,
            MunicipalityRegistry municipalities,
            FiguresCache cache,
            Caller caller,
            MembershipService memberships) {
        this.memberships = memberships;
        this.figures = figures;
        this.municipalities = municipalities;
        this.cache = cache;
        this.caller = caller;
    }

    @Schema(name = "MunicipalityHeadline")
    public record Headline(
            @Schema(example = "052032") String istat,
            @Schema(example = "Siena") String name,

            @Schema(description = "Training certificates issued to its people", example = "4")
            long certificates,

            @Schema(description = "Needs it raised", example = "5")
            long needs,

            @Schema(description = "Feasibility studies that concern it", example = "2")
            long studies,

            @Schema(description = "Published announcements that concern it", example = "1")
            long announcements,

            @Schema(
                    description = "For each workstream, whether it has taken part in it",
                    example = "{\"training\": true, \"participation\": true, \"feasibility\": false, \"comms\": true}")
            Map<String, Boolean> activeIn,

            @Schema(
                    description = "Its role in the programme on the day asked; absent when it was not a member",
                    example = "MEMBER")
            MembershipRole role) {}

    @GET
    @Path("/{istat}/overview")
    @PermitAll
    @Transactional
    @Operation(
            operationId = "municipalityOverview",
            summary = "What a municipality has done in the programme",
            description = "Public; the figures count only the events the caller may see (see listActivity), so"
                    + " people enrolled and certificates need the training partner, the admin or the municipality's"
                    + " officers, and a study's funding its readers. Training (people enrolled, attendances, hours,"
                    + " sessions, certificates),"
                    + " participation (needs by status, area-wide needs, endorsements given and received),"
                    + " feasibility (studies by status and verdict, feasible cost, funding identified and awarded),"
                    + " announcements concerning it, and the time of its last activity.")
    @APIResponse(
            responseCode = "200",
            description = "The overview",
            content = @Content(schema = @Schema(implementation = MunicipalityOverview.class)))
    @APIResponse(responseCode = "404", description = "Not a municipality of the province")
    public MunicipalityOverview overview(
            @PathParam("istat") String istat,
            @Parameter(
                            description = "The day its membership is given for (ISO 8601 date); today when omitted",
                            example = "2022-03-24")
                    @QueryParam("on")
                    String on) {
        LocalDate day = MembershipService.day("on", on);
        Municipality m = municipalities.find(istat).orElseThrow(() -> ProblemException.notFound("Municipality", istat));
        MembershipRole role = memberships.roleOn(istat, day).orElse(null);
        return overviewOf(m, figures.logPosition(), caller.readerGrants())
                .with(new MunicipalityOverview.Membership(day, role != null, role));
    }

    @GET
    @PermitAll
    @Transactional
    @Operation(
            operationId = "listMunicipalities",
            summary = "Every municipality with its headline figures",
            description = "Public; figures as in municipalityOverview, from the events the caller may see. Whether"
                    + " each is active in each workstream.")
    @APIResponse(responseCode = "200", description = "All municipalities of the province")
    public Items<Headline> list(
            @Parameter(
                            description = "The day the roles are given for (ISO 8601 date); today when omitted",
                            example = "2022-03-24")
                    @QueryParam("on")
                    String on,
            @Parameter(description = "Only the members of the programme on that day") @QueryParam("membersOnly")
                    boolean membersOnly) {
        LocalDate day = MembershipService.day("on", on);
        long position = figures.logPosition();
        Set<String> grants = caller.readerGrants();
        Map<String, MembershipRole> roles = new TreeMap<>();
        memberships.all().forEach(m -> m.roleOn(day).ifPresent(r -> roles.put(m.istatCode, r)));
        return Items.of(municipalities.all().stream()
                .filter(m -> !membersOnly || roles.containsKey(m.istatCode()))
                .map(m -> {
                    MunicipalityOverview o = overviewOf(m, position, grants);
                    return new Headline(
                            o.istat(),
                            o.name(),
                            o.training().certificates(),
                            o.participation().needs(),
                            o.feasibility().studies(),
                            o.comms().announcements(),
                            new TreeMap<>(o.activeIn()),
                            roles.get(m.istatCode()));
                })
                .toList());
    }

    /** Cached per log position and per set of grants: callers with the same access share the figures. */
    private MunicipalityOverview overviewOf(Municipality m, long position, Set<String> grants) {
        String code = m.istatCode();
        return cache.get(
                "overview-" + code + "-" + String.join(",", grants),
                position,
                () -> new MunicipalityOverview(
                        code,
                        m.name(),
                        figures.training(grants, code),
                        figures.participation(grants, code),
                        figures.feasibility(grants, code),
                        new MunicipalityOverview.Comms(figures.announcements(grants, code)),
                        figures.lastActivity(grants, code),
                        null));
    }
}
