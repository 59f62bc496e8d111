package it.ngsiena.gateway.programme;

import it.ngsiena.gateway.routing.PublicUrl;
import it.ngsiena.kernel.http.ETags;
import it.ngsiena.kernel.paging.Items;
import it.ngsiena.kernel.problem.Problem;
import it.ngsiena.kernel.problem.ProblemException;
import it.ngsiena.kernel.security.Roles;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/v1/programme/members")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Programme", description = "Which municipalities take part in the programme, since when and until when")
public class MembershipResource {

    private final MembershipService memberships;
    private final PublicUrl publicUrl;

    MembershipResource(MembershipService memberships, PublicUrl publicUrl) {
        this.memberships = memberships;
        this.publicUrl = publicUrl;
    }

    @GET
    @PermitAll
    @Operation(
            operationId = "listProgrammeMembers",
            summary = "The municipalities that take or took part",
            description = "Anonymous. With on, the members on that day with their role then (on=2022-03-24: the"
                    + " kickoff's); without it, every municipality that has a membership record, with its periods and"
                    + " whether it is active on activeOn (today by default), activeOnly keeping the active ones.")
    public Items<MembershipView> list(
            @Parameter(
                            description = "Only the members on this day (ISO 8601 date), with their role then",
                            example = "2022-03-24")
                    @QueryParam("on")
                    String on,
            @Parameter(
                            description =
                                    "Day for the active flag and role (ISO 8601 date); today when omitted. Same as on"
                                            + " with activeOnly",
                            deprecated = true,
                            example = "2022-06-01")
                    @QueryParam("activeOn")
                    String activeOn,
            @Parameter(description = "Only members active on activeOn (use on)", deprecated = true)
                    @QueryParam("activeOnly")
                    boolean activeOnly) {
        if (on != null && activeOn != null) {
            throw ProblemException.invalid(List.of(new Problem.Violation("on", "give on or activeOn, not both")));
        }
        LocalDate day = on != null ? MembershipService.day("on", on) : MembershipService.day("activeOn", activeOn);
        boolean onlyActive = on != null || activeOnly;
        return Items.of(memberships.all().stream()
                .filter(m -> !onlyActive || m.activeOn(day))
                .map(m -> memberships.view(m, day))
                .toList());
    }

    @GET
    @Path("/{istat}")
    @PermitAll
    @Operation(
            operationId = "getProgrammeMember",
            summary = "A municipality's membership",
            description = "Anonymous. The membership of one municipality (6-digit ISTAT code) with its ETag, which "
                    + "recordProgrammeMember needs in If-Match to replace it.")
    @APIResponse(
            responseCode = "200",
            description = "The membership",
            headers = @Header(name = "ETag"),
            content = @Content(schema = @Schema(implementation = MembershipView.class)))
    @APIResponse(responseCode = "404", description = "Not a municipality of the province, or never a member")
    public Response get(@PathParam("istat") String istat) {
        Membership m = memberships.get(istat);
        return Response.ok(memberships.view(m, LocalDate.now()))
                .tag(ETags.of(m.version))
                .build();
    }

    @PUT
    @Path("/{istat}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.PROGRAMME_ADMIN)
    @Operation(
            operationId = "recordProgrammeMember",
            summary = "Record a municipality's membership",
            description = "programme-admin only. Creates the membership (201), or replaces it (200) when If-Match"
                    + " carries the ETag of the current version. Either periods (several, each with its role), or"
                    + " joinedOn, leftOn and role for a single period.")
    @APIResponse(
            responseCode = "201",
            description = "Recorded, new",
            content = @Content(schema = @Schema(implementation = MembershipView.class)))
    @APIResponse(
            responseCode = "200",
            description = "Updated",
            content = @Content(schema = @Schema(implementation = MembershipView.class)))
    @APIResponse(responseCode = "428", description = "If-Match missing on an update")
    public Response record(
            @PathParam("istat") String istat,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Valid @NotNull MembershipRequest request,
            @Context UriInfo uri) {
        MembershipService.Recorded recorded = memberships.record(istat, request, ifMatch);
        MembershipView view = memberships.view(recorded.membership(), LocalDate.now());
        Response.ResponseBuilder response = recorded.created()
                ? Response.created(publicUrl.of(uri.getRequestUri().getRawPath()))
                : Response.ok();
        return response.entity(view)
                .tag(ETags.of(recorded.membership().version))
                .build();
    }
}
