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
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** What each municipality has done in the programme, and the programme's KPIs: public aggregates. */
@Path("/v1")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Programme figures", description = "Aggregates of every workstream's events; no personal data")
public class OverviewResource {

    private final ProgrammeFigures figures;
    private final MunicipalityRegistry municipalities;
    private final NeedTrace traces;
    private final FiguresCache cache;
    private final Caller caller;
    private final MembershipService memberships;

    OverviewResource(ProgrammeFigures figures, MunicipalityRegistry municipalities, NeedTrace traces,
            FiguresCache cache, Caller caller, MembershipService memberships) {
        this.memberships = memberships;
        this.figures = figures;
        this.municipalities = municipalities;
        this.traces = traces;
        this.cache = cache;
        this.caller = caller;
    }

    @GET
    @Path("/needs/{id}/trace")
    @PermitAll
    @Transactional
    @Operation(operationId = "needTrace", summary = "What became of a need, in one document",
            description = "Public, built from the events the caller may see (see listActivity): the need's latest"
                    + " state, the studies opened for it with verdicts, costs and funding, the announcements about it"
                    + " or its studies, and a timeline of those events. Anonymous callers get what the programme"
                    + " publishes; the need's progress, a study's funding or an announcement for another audience"
                    + " only reach the callers who may read them from the owning service.")
    @APIResponse(responseCode = "200", description = "The trace",
            content = @Content(schema = @Schema(implementation = NeedTrace.Trace.class)))
    @APIResponse(responseCode = "404", description = "No event about this need")
    public NeedTrace.Trace trace(@PathParam("id") java.util.UUID id) {
        return traces.of(id, caller.readerGrants());
    }

    @Schema(name = "MunicipalityHeadline")
    public record Headline(@Schema(example = "052032") String istat, @Schema(example = "Siena") String name,
            @Schema(description = "Training certificates issued to its people", example = "4") long certificates,
            @Schema(description = "Needs it raised", example = "5") long needs,
            @Schema(description = "Feasibility studies that concern it", example = "2") long studies,
            @Schema(description = "Published announcements that concern it", example = "1") long announcements,
            @Schema(description = "For each workstream, whether it has taken part in it",
                    example = "{\"training\": true, \"participation\": true, \"feasibility\": false, \"comms\": true}")
            Map<String, Boolean> activeIn,
            @Schema(description = "Its role in the programme on the day asked; absent when it was not a member",
                    example = "MEMBER") MembershipRole role) {
    }

    @GET
    @Path("/municipalities/{istat}/overview")
    @PermitAll
    @Transactional
    @Operation(operationId = "municipalityOverview", summary = "What a municipality has done in the programme",
            description = "Public; the figures count only the events the caller may see (see listActivity), so"
                    + " people enrolled and certificates need the training partner, the admin or the municipality's"
                    + " officers, and a study's funding its readers. Training (people enrolled, attendances, hours,"
                    + " sessions, certificates),"
                    + " participation (needs by status, area-wide needs, endorsements given and received),"
                    + " feasibility (studies by status and verdict, feasible cost, funding identified and awarded),"
                    + " announcements concerning it, and the time of its last activity.")
    @APIResponse(responseCode = "200", description = "The overview",
            content = @Content(schema = @Schema(implementation = MunicipalityOverview.class)))
    @APIResponse(responseCode = "404", description = "Not a municipality of the province")
    public MunicipalityOverview overview(@PathParam("istat") String istat,
            @Parameter(description = "The day its membership is given for (ISO 8601 date); today when omitted",
                    example = "2022-03-24") @QueryParam("on") String on) {
        LocalDate day = MembershipService.day("on", on);
        Municipality m = municipalities.find(istat).orElseThrow(() -> ProblemException.notFound("Municipality", istat));
        MembershipRole role = memberships.roleOn(istat, day).orElse(null);
        return overviewOf(m, figures.logPosition(), caller.readerGrants())
                .with(new MunicipalityOverview.Membership(day, role != null, role));
    }

    @GET
    @Path("/municipalities")
    @PermitAll
    @Transactional
    @Operation(operationId = "listMunicipalities", summary = "Every municipality with its headline figures",
            description = "Public; figures as in municipalityOverview, from the events the caller may see. Whether"
                    + " each is active in each workstream.")
    @APIResponse(responseCode = "200", description = "All municipalities of the province")
    public Items<Headline> list(
            @Parameter(description = "The day the roles are given for (ISO 8601 date); today when omitted",
                    example = "2022-03-24") @QueryParam("on") String on,
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
                    return new Headline(o.istat(), o.name(), o.training().certificates(), o.participation().needs(),
                            o.feasibility().studies(), o.comms().announcements(), new TreeMap<>(o.activeIn()),
                            roles.get(m.istatCode()));
                }).toList());
    }

    @GET
    @Path("/programme/kpis")
    @PermitAll
    @Transactional
    @Operation(operationId = "programmeKpis", summary = "The programme's KPIs per workstream and month",
            description = "Public; counts the events the caller may see (see listActivity). Cacheable: the ETag"
                    + " follows the event log and the caller's access; a matching If-None-Match gets 304.")
    @APIResponse(responseCode = "200", description = "The KPIs",
            headers = {@Header(name = "ETag"), @Header(name = "Cache-Control")},
            content = @Content(schema = @Schema(implementation = Kpis.class)))
    @APIResponse(responseCode = "304", description = "Unchanged since the ETag given in If-None-Match")
    public Response kpis(@HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch,
            @Parameter(description = "The day the members are counted on (ISO 8601 date); today when omitted",
                    example = "2022-03-24") @QueryParam("on") String on) {
        LocalDate day = MembershipService.day("on", on);
        long position = figures.logPosition();
        Set<String> grants = caller.readerGrants();
        EntityTag tag = new EntityTag("kpis-" + position + "-" + Integer.toHexString(grants.hashCode()) + "-"
                + memberships.stamp() + "-" + day);
        CacheControl cache = new CacheControl();
        cache.setMaxAge(60);
        // a signed-in caller's answer is theirs: shared caches keep only the anonymous one
        cache.setPrivate(grants.size() > 1);
        if (ifNoneMatch != null && (ifNoneMatch.contains("\"" + tag.getValue() + "\"") || ifNoneMatch.equals("*"))) {
            return Response.notModified(tag).cacheControl(cache).header(HttpHeaders.VARY, HttpHeaders.AUTHORIZATION)
                    .build();
        }
        var perWorkstream = figures.kpis(grants);
        Map<String, Long> active = new TreeMap<>();
        perWorkstream.forEach((w, k) -> active.put(w, k.municipalities()));
        Map<String, Long> byRole = new TreeMap<>();
        memberships.membersOn(day).forEach((role, count) -> byRole.put(role.name(), count));
        Kpis.Members members = new Kpis.Members(day, byRole.values().stream().mapToLong(Long::longValue).sum(), byRole);
        return Response.ok(new Kpis(perWorkstream, active, position, members)).tag(tag).cacheControl(cache)
                .header(HttpHeaders.VARY, HttpHeaders.AUTHORIZATION).build();
    }

    /** Cached per log position and per set of grants: callers with the same access share the figures. */
    private MunicipalityOverview overviewOf(Municipality m, long position, Set<String> grants) {
        String code = m.istatCode();
        return cache.get("overview-" + code + "-" + String.join(",", grants), position, () -> new MunicipalityOverview(
                code, m.name(), figures.training(grants, code), figures.participation(grants, code),
                figures.feasibility(grants, code), new MunicipalityOverview.Comms(figures.announcements(grants, code)),
                figures.lastActivity(grants, code), null));
    }
}
