package it.ngsiena.feasibility.opportunity;

import it.ngsiena.feasibility.study.Study;
import it.ngsiena.feasibility.study.StudyAccess;
import it.ngsiena.kernel.http.ETags;
import it.ngsiena.kernel.http.IdempotentCreates;
import it.ngsiena.kernel.http.MergePatch;
import it.ngsiena.kernel.paging.Items;
import it.ngsiena.kernel.paging.Page;
import it.ngsiena.kernel.paging.PageRequest;
import it.ngsiena.kernel.paging.PagedResponse;
import it.ngsiena.kernel.security.Roles;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
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
import java.time.ZoneId;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

@Path("/v1/feasibility")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Funding opportunities", description = "Calls for funding (bandi) and how well they suit a study")
public class OpportunityResource {

    private static final ZoneId ITALY = ZoneId.of("Europe/Rome");

    private final OpportunityService opportunities;
    private final StudyAccess access;
    private final IdempotentCreates creates;

    OpportunityResource(OpportunityService opportunities, StudyAccess access, IdempotentCreates creates) {
        this.opportunities = opportunities;
        this.access = access;
        this.creates = creates;
    }

    @POST
    @Path("/funding-opportunities")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.FEASIBILITY_PARTNER, Roles.PROGRAMME_ADMIN})
    @Operation(
            operationId = "publishFundingOpportunity",
            summary = "Publish a funding opportunity (bando)",
            description = "feasibility-partner or programme-admin. Publishes opportunity published.")
    @APIResponse(
            responseCode = "201",
            description = "Published",
            headers = @Header(name = "Location"),
            content = @Content(schema = @Schema(implementation = OpportunityRequests.OpportunityView.class)))
    @APIResponse(responseCode = "400", description = "Invalid request, unknown theme or PNRR component")
    @APIResponse(responseCode = "422", description = "Unknown municipality")
    public Response publish(
            @HeaderParam(IdempotentCreates.HEADER) String key,
            @Valid @NotNull OpportunityRequests.Publish request,
            @Context UriInfo uri) {
        return creates.create(key, "POST /v1/feasibility/funding-opportunities", request, () -> {
            FundingOpportunity o = opportunities.publish(request);
            return new IdempotentCreates.Created(
                    uri.getAbsolutePathBuilder().path(o.id.toString()).build(),
                    OpportunityRequests.OpportunityView.of(o));
        });
    }

    @GET
    @Path("/funding-opportunities")
    @PermitAll
    @Operation(
            operationId = "listFundingOpportunities",
            summary = "List funding opportunities by deadline",
            description = "Public: calls for funding are public information.")
    @APIResponse(responseCode = "400", description = "Invalid filter or paging")
    @APIResponse(
            responseCode = "200",
            description = "A page of opportunities",
            headers = {@Header(name = "Link"), @Header(name = "X-Total-Count")})
    public RestResponse<Page<OpportunityRequests.OpportunityView>> list(
            @Parameter(description = "Only those open on this day", example = "2022-09-01") @QueryParam("openOn")
                    LocalDate openOn,
            @QueryParam("page") Integer page,
            @QueryParam("size") Integer size,
            @Context UriInfo uri) {
        return PagedResponse.of(
                opportunities.list(openOn, PageRequest.of(page, size)).map(OpportunityRequests.OpportunityView::of),
                uri);
    }

    @GET
    @Path("/funding-opportunities/{id}")
    @PermitAll
    @Operation(
            operationId = "getFundingOpportunity",
            summary = "Read a funding opportunity",
            description = "Anonymous. A published funding opportunity (bando): its programme, amounts, deadline and "
                    + "the PNRR components it funds. Its ETag is the If-Match of a correction.")
    @APIResponse(
            responseCode = "200",
            description = "The opportunity",
            headers = @Header(name = "ETag"),
            content = @Content(schema = @Schema(implementation = OpportunityRequests.OpportunityView.class)))
    @APIResponse(responseCode = "404", description = "No such opportunity")
    public Response get(@PathParam("id") UUID id) {
        OpportunityRequests.OpportunityView view = OpportunityRequests.OpportunityView.of(opportunities.get(id));
        return Response.ok(view).tag(ETags.of(view.version())).build();
    }

    @PATCH
    @Path("/funding-opportunities/{id}")
    @Consumes({MergePatch.MEDIA_TYPE, MediaType.APPLICATION_JSON})
    @RolesAllowed({Roles.FEASIBILITY_PARTNER, Roles.PROGRAMME_ADMIN})
    @Operation(
            operationId = "editFundingOpportunity",
            summary = "Correct an open funding opportunity (If-Match required)",
            description = "feasibility-partner or programme-admin. Title, funder, themes, eligible municipalities,"
                    + " dates or budget. Publishes opportunity changed (EDITED), naming the studies matched to it,"
                    + " whose municipalities' officers are told.")
    @APIResponse(
            responseCode = "200",
            description = "Corrected",
            content = @Content(schema = @Schema(implementation = OpportunityRequests.OpportunityView.class)))
    @APIResponse(responseCode = "404", description = "No such opportunity")
    @APIResponse(responseCode = "409", description = "Closed or withdrawn")
    @APIResponse(responseCode = "422", description = "Unknown municipality")
    public OpportunityRequests.OpportunityView edit(
            @PathParam("id") UUID id,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Valid @NotNull OpportunityRequests.Edit request) {
        return OpportunityRequests.OpportunityView.of(opportunities.edit(id, request, ifMatch));
    }

    @POST
    @Path("/funding-opportunities/{id}/close")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.FEASIBILITY_PARTNER, Roles.PROGRAMME_ADMIN})
    @Operation(
            operationId = "closeFundingOpportunity",
            summary = "Close a funding opportunity early, with the reason",
            description = "feasibility-partner or programme-admin. OPEN → CLOSED: it matches no study any more."
                    + " Publishes opportunity changed (CLOSED), naming the matched studies. Optional If-Match.")
    @APIResponse(
            responseCode = "200",
            description = "Closed",
            content = @Content(schema = @Schema(implementation = OpportunityRequests.OpportunityView.class)))
    @APIResponse(responseCode = "404", description = "No such opportunity")
    @APIResponse(responseCode = "409", description = "Already closed or withdrawn")
    public OpportunityRequests.OpportunityView close(
            @PathParam("id") UUID id,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Valid @NotNull OpportunityRequests.StatusChange request) {
        return OpportunityRequests.OpportunityView.of(
                opportunities.end(id, OpportunityStatus.CLOSED, request, ifMatch));
    }

    @POST
    @Path("/funding-opportunities/{id}/withdraw")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.FEASIBILITY_PARTNER, Roles.PROGRAMME_ADMIN})
    @Operation(
            operationId = "withdrawFundingOpportunity",
            summary = "Withdraw a funding opportunity, with the reason",
            description = "feasibility-partner or programme-admin. OPEN → WITHDRAWN (the call was cancelled): it"
                    + " matches no study any more. Publishes opportunity changed (WITHDRAWN), naming the matched"
                    + " studies. Optional If-Match.")
    @APIResponse(
            responseCode = "200",
            description = "Withdrawn",
            content = @Content(schema = @Schema(implementation = OpportunityRequests.OpportunityView.class)))
    @APIResponse(responseCode = "404", description = "No such opportunity")
    @APIResponse(responseCode = "409", description = "Already closed or withdrawn")
    public OpportunityRequests.OpportunityView withdraw(
            @PathParam("id") UUID id,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Valid @NotNull OpportunityRequests.StatusChange request) {
        return OpportunityRequests.OpportunityView.of(
                opportunities.end(id, OpportunityStatus.WITHDRAWN, request, ifMatch));
    }

    @GET
    @Path("/studies/{id}/matching-opportunities")
    @RolesAllowed(Roles.ANY_PLATFORM_ROLE)
    @Operation(
            operationId = "matchOpportunities",
            summary = "Rank the open opportunities for a study",
            description = "Whoever may read the study. Only opportunities open on the day (opened, deadline not"
                    + " passed) for which at least one of the study's municipalities is eligible; best first.")
    @APIResponse(responseCode = "200", description = "Ranked opportunities")
    @APIResponse(responseCode = "404", description = "No such study, or not yours to see")
    public Items<OpportunityRequests.Match> matching(
            @PathParam("id") UUID studyId,
            @Parameter(description = "The day to rank for; today (Europe/Rome) when absent", example = "2022-09-01")
                    @QueryParam("on")
                    LocalDate on) {
        Study study = access.readable(studyId);
        return Items.of(opportunities.matching(study, on == null ? LocalDate.now(ITALY) : on));
    }

    @GET
    @Path("/studies/{id}/opportunities")
    @RolesAllowed(Roles.ANY_PLATFORM_ROLE)
    @Operation(
            operationId = "listStudyOpportunities",
            summary = "The opportunities a study is linked to",
            description = "Any platform role that may read the study (officers: studies of their municipality). The "
                    + "funding opportunities linked to the study, with the match score and when each was linked.")
    @APIResponse(responseCode = "200", description = "The links")
    @APIResponse(responseCode = "404", description = "No such study, or not yours to see")
    public Items<OpportunityRequests.Linked> links(@PathParam("id") UUID studyId) {
        access.readable(studyId);
        return Items.of(opportunities.links(studyId).stream().map(this::linked).toList());
    }

    @POST
    @Path("/studies/{id}/opportunities")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.FEASIBILITY_PARTNER, Roles.PROGRAMME_ADMIN})
    @Operation(
            operationId = "linkStudyToOpportunity",
            summary = "Link a study to an opportunity it can apply to",
            description = "feasibility-partner or programme-admin. Linking again returns the first link (200)."
                    + " Publishes study matched.")
    @APIResponse(
            responseCode = "201",
            description = "Linked",
            content = @Content(schema = @Schema(implementation = OpportunityRequests.Linked.class)))
    @APIResponse(
            responseCode = "200",
            description = "Already linked",
            content = @Content(schema = @Schema(implementation = OpportunityRequests.Linked.class)))
    @APIResponse(responseCode = "400", description = "Invalid request")
    @APIResponse(responseCode = "404", description = "No such study or opportunity")
    @APIResponse(responseCode = "409", description = "The study was abandoned")
    @APIResponse(responseCode = "422", description = "None of the study's municipalities is eligible")
    public Response link(@PathParam("id") UUID studyId, @Valid @NotNull OpportunityRequests.Link request) {
        Study study = access.readable(studyId);
        OpportunityService.Linking linking = opportunities.link(study, request.opportunityId(), request.occurredAt());
        return Response.status(linking.created() ? 201 : 200)
                .entity(linked(linking.link()))
                .build();
    }

    private OpportunityRequests.Linked linked(StudyOpportunity link) {
        return new OpportunityRequests.Linked(
                link.studyId,
                OpportunityRequests.OpportunityView.of(opportunities.get(link.opportunityId)),
                link.score,
                link.createdAt);
    }
}
