package it.ngsiena.gateway.overview;

import it.ngsiena.gateway.programme.MembershipService;
import it.ngsiena.gateway.reporting.Period;
import it.ngsiena.gateway.reporting.TargetProgress;
import it.ngsiena.gateway.reporting.Targets;
import it.ngsiena.kernel.security.Caller;
import jakarta.annotation.security.PermitAll;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
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
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The programme's KPIs per workstream and month: public aggregates. */
@Path("/v1/programme/kpis")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Programme figures", description = "Aggregates of every workstream's events; no personal data")
public class KpisResource {

    private final ProgrammeFigures figures;
    private final Caller caller;
    private final MembershipService memberships;
    private final Targets targets;

    KpisResource(ProgrammeFigures figures, Caller caller, MembershipService memberships, Targets targets) {
        this.figures = figures;
        this.caller = caller;
        this.memberships = memberships;
        this.targets = targets;
    }

    @GET
    @PermitAll
    @Transactional
    @Operation(
            operationId = "programmeKpis",
            summary = "The programme's KPIs per workstream and month",
            description = "Public; counts the events the caller may see (see listActivity) that happened between"
                    + " from and to (dates, both included, Europe/Rome; everything when omitted), by their true"
                    + " dates, with the months of that period and the programme's targets against it. Cacheable:"
                    + " the ETag follows the event log, the targets, the caller's access and the period; a matching"
                    + " If-None-Match gets 304.")
    @APIResponse(
            responseCode = "200",
            description = "The KPIs",
            headers = {@Header(name = "ETag"), @Header(name = "Cache-Control")},
            content = @Content(schema = @Schema(implementation = Kpis.class)))
    @APIResponse(responseCode = "304", description = "Unchanged since the ETag given in If-None-Match")
    public Response kpis(
            @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch,
            @Parameter(
                            description = "The day the members are counted on (ISO 8601 date); today when omitted",
                            example = "2022-03-24")
                    @QueryParam("on")
                    String on,
            @Parameter(
                            description = "First day counted (Europe/Rome)",
                            example = "2022-03-01",
                            schema = @Schema(type = SchemaType.STRING, format = "date"))
                    @QueryParam("from")
                    String from,
            @Parameter(
                            description = "Last day counted, included (Europe/Rome)",
                            example = "2022-06-30",
                            schema = @Schema(type = SchemaType.STRING, format = "date"))
                    @QueryParam("to")
                    String to) {
        LocalDate day = MembershipService.day("on", on);
        Period period = Period.of(from, to);
        long position = figures.logPosition();
        Set<String> grants = caller.readerGrants();
        List<TargetProgress> progress = targets.progress(period, grants, "");
        EntityTag tag = new EntityTag("kpis-" + position + "-" + Integer.toHexString(grants.hashCode()) + "-"
                + memberships.stamp() + "-" + day + "-" + period.key() + "-"
                + Integer.toHexString(progress.hashCode()));
        CacheControl cache = new CacheControl();
        cache.setMaxAge(60);
        // a signed-in caller's answer is theirs: shared caches keep only the anonymous one
        cache.setPrivate(grants.size() > 1);
        if (ifNoneMatch != null && (ifNoneMatch.contains("\"" + tag.getValue() + "\"") || ifNoneMatch.equals("*"))) {
            return Response.notModified(tag)
                    .cacheControl(cache)
                    .header(HttpHeaders.VARY, HttpHeaders.AUTHORIZATION)
                    .build();
        }
        var perWorkstream = figures.kpis(grants, period);
        Map<String, Long> active = new TreeMap<>();
        perWorkstream.forEach((w, k) -> active.put(w, k.municipalities()));
        Map<String, Long> byRole = new TreeMap<>();
        memberships.membersOn(day).forEach((role, count) -> byRole.put(role.name(), count));
        Kpis.Members members = new Kpis.Members(
                day, byRole.values().stream().mapToLong(Long::longValue).sum(), byRole);
        return Response.ok(new Kpis(period, perWorkstream, active, position, members, progress))
                .tag(tag)
                .cacheControl(cache)
                .header(HttpHeaders.VARY, HttpHeaders.AUTHORIZATION)
                .build();
    }
}
