package it.ngsiena.participation.need;

import it.ngsiena.kernel.http.ETags;
import it.ngsiena.kernel.http.IdempotentCreates;
import it.ngsiena.kernel.http.MergePatch;
import it.ngsiena.kernel.http.TimeParams;
import it.ngsiena.kernel.paging.Page;
import it.ngsiena.kernel.paging.PageRequest;
import it.ngsiena.kernel.paging.PagedResponse;
import it.ngsiena.kernel.problem.Problem;
import it.ngsiena.kernel.problem.ProblemException;
import it.ngsiena.kernel.security.Roles;
import it.ngsiena.kernel.time.OccurredAt;
import it.ngsiena.participation.solution.SolutionService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
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
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

@Path("/v1/participation")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Needs", description = "Needs (bisogni) stated by the municipalities")
public class NeedResource {

    private final NeedService service;
    private final NeedRepository needs;
    private final SolutionService solutions;
    private final IdempotentCreates creates;
    private final NeedBatchService batchService;

    NeedResource(
            NeedService service,
            NeedRepository needs,
            SolutionService solutions,
            IdempotentCreates creates,
            NeedBatchService batchService) {
        this.service = service;
        this.needs = needs;
        this.solutions = solutions;
        this.creates = creates;
        this.batchService = batchService;
    }

    @POST
    @Path("/needs")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.PARTICIPATION_PARTNER, Roles.PROGRAMME_ADMIN, Roles.MUNICIPALITY_OFFICER})
    @Operation(
            operationId = "submitNeed",
            summary = "Submit a need",
            description = "Allowed to participation-partner and programme-admin (any municipalities), and to a"
                    + " municipality-officer for their own municipality alone: other municipalities join a need by"
                    + " endorsing it. Publishes"
                    + " it.ngsiena.participation.need.submitted.v1. A retry with the same Idempotency-Key returns"
                    + " the first response.")
    @APIResponse(
            responseCode = "201",
            description = "Stored",
            headers = @Header(name = "Location", description = "URL of the new need"),
            content = @Content(schema = @Schema(implementation = NeedResponse.class)))
    @APIResponse(responseCode = "400", description = "Invalid request")
    @APIResponse(responseCode = "403", description = "Not allowed for these municipalities")
    @APIResponse(responseCode = "422", description = "Unknown municipality or workshop, or Idempotency-Key reused")
    public Response submit(
            @Parameter(description = "Makes a retried create return the first response", example = "5c1d0c0e-need-1")
                    @HeaderParam(IdempotentCreates.HEADER)
                    String idempotencyKey,
            @Valid @NotNull NeedRequest request,
            @Context UriInfo uri) {
        return creates.create(idempotencyKey, "POST /v1/participation/needs", request, () -> {
            Need need = service.submit(request);
            return new IdempotentCreates.Created(
                    uri.getAbsolutePathBuilder().path(need.id.toString()).build(), summary(need));
        });
    }

    @GET
    @Path("/needs/{id}")
    @RolesAllowed(Roles.ANY_PLATFORM_ROLE)
    @Operation(
            operationId = "getNeed",
            summary = "Read a need, with its solution ideas",
            description = "Any platform role. The need, whether it is area-wide, and its solution ideas, with its "
                    + "ETag (editNeed needs it in If-Match).")
    @APIResponse(
            responseCode = "200",
            description = "The need",
            headers = @Header(name = "ETag"),
            content = @Content(schema = @Schema(implementation = NeedResponse.class)))
    @APIResponse(responseCode = "404", description = "No such need")
    public Response get(@PathParam("id") UUID id) {
        Need need = service.get(id);
        return withETag(need, NeedResponse.of(need, service.isAreaWide(need), solutions.ofNeed(id)));
    }

    @PATCH
    @Path("/needs/{id}")
    @Consumes({MergePatch.MEDIA_TYPE, MediaType.APPLICATION_JSON})
    @RolesAllowed({Roles.PARTICIPATION_PARTNER, Roles.PROGRAMME_ADMIN, Roles.MUNICIPALITY_OFFICER})
    @Operation(
            operationId = "editNeed",
            summary = "Edit a need's text or theme",
            description = "While SUBMITTED or UNDER_REVIEW; participation-partner, programme-admin, or an officer of"
                    + " one of the need's municipalities. If-Match with the ETag read is required. Publishes"
                    + " it.ngsiena.participation.need.updated.v1.")
    @APIResponse(
            responseCode = "200",
            description = "Edited",
            headers = @Header(name = "ETag"),
            content = @Content(schema = @Schema(implementation = NeedResponse.class)))
    @APIResponse(responseCode = "409", description = "Not editable in its state")
    public Response edit(
            @PathParam("id") UUID id,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Valid @NotNull NeedEdit edit) {
        return decided(service.edit(id, edit, ifMatch));
    }

    @POST
    @Path("/needs/{id}/review")
    @RolesAllowed({Roles.PARTICIPATION_PARTNER, Roles.PROGRAMME_ADMIN})
    @Operation(
            operationId = "reviewNeed",
            summary = "Take a submitted need under review",
            description = "SUBMITTED → UNDER_REVIEW. Optional If-Match. Publishes need status changed. occurredAt"
                    + " dates a review recorded afterwards.")
    @APIResponse(
            responseCode = "200",
            description = "Under review",
            content = @Content(schema = @Schema(implementation = NeedResponse.class)))
    @APIResponse(responseCode = "409", description = "Illegal move: names the current state and the allowed moves")
    public Response review(
            @PathParam("id") UUID id,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Parameter(description = OccurredAt.DESCRIPTION + " (RFC 3339)", example = "2022-05-10T10:00:00+02:00")
                    @QueryParam("occurredAt")
                    String occurredAt) {
        return decided(service.review(id, TimeParams.occurredAt(occurredAt), ifMatch));
    }

    @POST
    @Path("/needs/{id}/prioritise")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.PARTICIPATION_PARTNER, Roles.PROGRAMME_ADMIN})
    @Operation(
            operationId = "prioritiseNeed",
            summary = "Prioritise a need for a feasibility study",
            description = "UNDER_REVIEW → PRIORITISED, with a rationale. Publishes need status changed and need"
                    + " prioritised (the feasibility workstream then opens a study).")
    @APIResponse(
            responseCode = "200",
            description = "Prioritised",
            content = @Content(schema = @Schema(implementation = NeedResponse.class)))
    @APIResponse(responseCode = "409", description = "Illegal move: names the current state and the allowed moves")
    public Response prioritise(
            @PathParam("id") UUID id,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Valid @NotNull NeedDecisions.Prioritise body) {
        return decided(service.prioritise(id, body, ifMatch));
    }

    @POST
    @Path("/needs/{id}/reject")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.PARTICIPATION_PARTNER, Roles.PROGRAMME_ADMIN})
    @Operation(
            operationId = "rejectNeed",
            summary = "Reject a need, with an answer",
            description = "SUBMITTED or UNDER_REVIEW → REJECTED. Publishes need status changed and need rejected.")
    @APIResponse(
            responseCode = "200",
            description = "Rejected",
            content = @Content(schema = @Schema(implementation = NeedResponse.class)))
    @APIResponse(responseCode = "409", description = "Illegal move: names the current state and the allowed moves")
    public Response reject(
            @PathParam("id") UUID id,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Valid @NotNull NeedDecisions.Reject body) {
        return decided(service.reject(id, body, ifMatch));
    }

    @POST
    @Path("/needs/{id}/withdraw")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.MUNICIPALITY_OFFICER, Roles.PARTICIPATION_PARTNER, Roles.PROGRAMME_ADMIN})
    @Operation(
            operationId = "withdrawNeed",
            summary = "Withdraw a need, with the reason",
            description = "Its submitters: officers of the need's own municipalities, the participation partner, the"
                    + " programme admin. SUBMITTED or UNDER_REVIEW → WITHDRAWN; the reason becomes its answer."
                    + " Publishes need status changed. Optional If-Match.")
    @APIResponse(
            responseCode = "200",
            description = "Withdrawn",
            content = @Content(schema = @Schema(implementation = NeedResponse.class)))
    @APIResponse(responseCode = "409", description = "Illegal move: names the current state and the allowed moves")
    public Response withdrawNeed(
            @PathParam("id") UUID id,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Valid @NotNull NeedDecisions.Withdraw body) {
        return decided(service.withdraw(id, body, ifMatch));
    }

    @POST
    @Path("/needs/{id}/endorsements")
    @RolesAllowed(Roles.MUNICIPALITY_OFFICER)
    @Operation(
            operationId = "endorseNeed",
            summary = "Endorse a need for the caller's municipality",
            description = "An officer of a municipality not among the need's own. Endorsing twice changes nothing."
                    + " Publishes need endorsed, and need became area-wide when the threshold is reached. occurredAt"
                    + " dates an endorsement recorded afterwards.")
    @APIResponse(
            responseCode = "200",
            description = "Endorsed (or already was)",
            content = @Content(schema = @Schema(implementation = NeedResponse.class)))
    @APIResponse(
            responseCode = "409",
            description = "The municipality is one of the need's own, or the need is rejected")
    public Response endorse(
            @PathParam("id") UUID id,
            @Parameter(description = OccurredAt.DESCRIPTION + " (RFC 3339)", example = "2022-05-02T10:00:00+02:00")
                    @QueryParam("occurredAt")
                    String occurredAt) {
        return decided(service.endorse(id, TimeParams.occurredAt(occurredAt)));
    }

    @DELETE
    @Path("/needs/{id}/endorsements/{istat}")
    @RolesAllowed({Roles.MUNICIPALITY_OFFICER, Roles.PROGRAMME_ADMIN})
    @Operation(
            operationId = "withdrawEndorsement",
            summary = "Withdraw a municipality's endorsement",
            description = "Officers of that municipality, or the programme admin. Withdrawing one that does not"
                    + " exist changes nothing. Publishes endorsement withdrawn. occurredAt dates a withdrawal recorded"
                    + " afterwards.")
    @APIResponse(
            responseCode = "200",
            description = "Withdrawn (or there was none)",
            content = @Content(schema = @Schema(implementation = NeedResponse.class)))
    public Response withdraw(
            @PathParam("id") UUID id,
            @PathParam("istat") @Pattern(regexp = "\\d{6}", message = "must be a 6-digit ISTAT code") String istat,
            @Parameter(
                            description = "When it was withdrawn, when recorded afterwards (not in the future, not"
                                    + " before the need was submitted); now when omitted",
                            example = "2022-06-01T10:00:00+02:00")
                    @QueryParam("occurredAt")
                    String occurredAt) {
        return decided(service.withdrawEndorsement(id, istat, TimeParams.occurredAt(occurredAt)));
    }

    @GET
    @Path("/needs")
    @RolesAllowed(Roles.ANY_PLATFORM_ROLE)
    @Operation(
            operationId = "listNeeds",
            summary = "List needs",
            description = "Filters combine. Link header with first/prev/next/last, X-Total-Count with the total.")
    @APIResponse(responseCode = "400", description = "Invalid filter, sort or paging")
    @APIResponse(
            responseCode = "200",
            description = "A page of needs",
            headers = {@Header(name = "Link"), @Header(name = "X-Total-Count")})
    public RestResponse<Page<NeedResponse>> list(
            @Parameter(description = "ISTAT code: needs of that municipality or endorsed by it", example = "052032")
                    @QueryParam("municipality")
                    @Pattern(regexp = "\\d{6}", message = "must be a 6-digit ISTAT code")
                    String municipality,
            @Parameter(description = "Only needs of this theme") @QueryParam("theme") Theme theme,
            @Parameter(description = "Only needs in this state") @QueryParam("status") NeedStatus status,
            @Parameter(description = "Words in the title or description", example = "sportello")
                    @QueryParam("q")
                    @Size(max = 100)
                    String text,
            @Parameter(description = "Submitted at or after (RFC 3339)", example = "2022-03-01T00:00:00Z")
                    @QueryParam("submittedFrom")
                    String submittedFrom,
            @Parameter(description = "Submitted before (RFC 3339)", example = "2023-01-01T00:00:00Z")
                    @QueryParam("submittedTo")
                    String submittedTo,
            @Parameter(description = "Only area-wide needs (true) or only the others (false)") @QueryParam("areaWide")
                    Boolean areaWide,
            @Parameter(description = "Needs collected at this workshop") @QueryParam("workshop") UUID workshop,
            @Parameter(description = "-createdAt (default), createdAt, title, -title, status, -updatedAt")
                    @QueryParam("sort")
                    String sort,
            @Parameter(
                            description = "Zero-based page",
                            schema =
                                    @Schema(
                                            type = SchemaType.INTEGER,
                                            format = "int32",
                                            defaultValue = "0",
                                            minimum = "0"))
                    @QueryParam("page")
                    Integer page,
            @Parameter(
                            description = "Page size, 1 to 100",
                            schema =
                                    @Schema(
                                            type = SchemaType.INTEGER,
                                            format = "int32",
                                            defaultValue = "20",
                                            minimum = "1",
                                            maximum = "100"))
                    @QueryParam("size")
                    Integer size,
            @Context UriInfo uri) {
        List<Problem.Violation> violations = new ArrayList<>();
        OffsetDateTime from = TimeParams.parse("submittedFrom", submittedFrom, violations);
        OffsetDateTime to = TimeParams.parse("submittedTo", submittedTo, violations);
        NeedRepository.NeedSort order = sort == null
                ? NeedRepository.NeedSort.NEWEST
                : NeedRepository.NeedSort.of(sort).orElse(null);
        if (order == null) {
            violations.add(new Problem.Violation(
                    "sort", "must be one of -createdAt, createdAt, title, -title, status," + " -updatedAt"));
        }
        if (!violations.isEmpty()) {
            throw ProblemException.invalid(violations);
        }
        var filter = new NeedRepository.NeedFilter(
                municipality,
                theme,
                status,
                text == null || text.isBlank() ? null : text.strip(),
                from,
                to,
                areaWide,
                workshop);
        Page<NeedResponse> result = needs.search(filter, order, service.areaWideThreshold(), PageRequest.of(page, size))
                .map(this::summary);
        return PagedResponse.of(result, uri);
    }

    @POST
    @Path("/needs:batch")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.PARTICIPATION_PARTNER, Roles.PROGRAMME_ADMIN})
    @Operation(
            operationId = "pushNeeds",
            summary = "Push up to 500 needs from a partner system",
            description = "Idempotent on the items' external ids (per pushing client): pushing the same batch twice"
                    + " changes nothing. The answer says per item CREATED, UNCHANGED, INVALID or CONFLICT, with the"
                    + " problem of refused items; the valid items are stored regardless.")
    @APIResponse(
            responseCode = "200",
            description = "The outcome of every item",
            content = @Content(schema = @Schema(implementation = NeedBatch.Response.class)))
    @APIResponse(responseCode = "400", description = "Not a batch, or more than 500 items")
    @APIResponse(responseCode = "403", description = "Not the participation partner or the admin")
    public NeedBatch.Response push(@Valid @NotNull NeedBatch.Request request) {
        return batchService.push(request);
    }

    private NeedResponse summary(Need need) {
        return NeedResponse.of(need, service.isAreaWide(need), null);
    }

    private Response decided(Need need) {
        return withETag(need, summary(need));
    }

    private static Response withETag(Need need, NeedResponse body) {
        return Response.ok(body).tag(ETags.of(need.version)).build();
    }
}
