package it.ngsiena.feasibility.study;

import it.ngsiena.kernel.http.ETags;
import it.ngsiena.kernel.http.IdempotentCreates;
import it.ngsiena.kernel.http.MergePatch;
import it.ngsiena.kernel.paging.Page;
import it.ngsiena.kernel.paging.PageRequest;
import it.ngsiena.kernel.paging.PagedResponse;
import it.ngsiena.kernel.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
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
@Tag(name = "Studies", description = "Feasibility studies of prioritised needs: verdict, cost, milestones, impact")
public class StudyResource {

    private static final String MANAGERS = "feasibility-partner or programme-admin. ";

    private final StudyService studies;
    private final StudyAccess access;
    private final IdempotentCreates creates;

    StudyResource(StudyService studies, StudyAccess access, IdempotentCreates creates) {
        this.studies = studies;
        this.access = access;
        this.creates = creates;
    }

    @POST
    @Path("/studies")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.FEASIBILITY_PARTNER, Roles.PROGRAMME_ADMIN})
    @Operation(
            operationId = "openStudy",
            summary = "Open a study for one or more needs",
            description = MANAGERS + "Starts REQUESTED. Publishes it.ngsiena.feasibility.study.requested.v1."
                    + " Prioritised needs get their study automatically; this is for the others, and for a new"
                    + " study of a need whose study was abandoned. A need has one open study (REQUESTED or"
                    + " IN_PROGRESS) at a time: a second is a 409 naming the open one.")
    @APIResponse(
            responseCode = "201",
            description = "Opened",
            headers = @Header(name = "Location"),
            content = @Content(schema = @Schema(implementation = StudyResponse.class)))
    @APIResponse(responseCode = "400", description = "Invalid request")
    @APIResponse(responseCode = "409", description = "A need already has an open study")
    @APIResponse(responseCode = "422", description = "Unknown municipality")
    public Response open(
            @HeaderParam(IdempotentCreates.HEADER) String key,
            @Valid @NotNull StudyRequests.Create request,
            @Context UriInfo uri) {
        return creates.create(key, "POST /v1/feasibility/studies", request, () -> {
            Study s = studies.create(request);
            return new IdempotentCreates.Created(
                    uri.getAbsolutePathBuilder().path(s.id.toString()).build(), StudyResponse.full(s));
        });
    }

    @GET
    @Path("/studies")
    @RolesAllowed(Roles.ANY_PLATFORM_ROLE)
    @Operation(
            operationId = "listStudies",
            summary = "List studies, newest first",
            description = "Partners, the admin and viewers see all; a municipality officer only the studies that"
                    + " involve their municipality.")
    @APIResponse(responseCode = "400", description = "Invalid filter or paging")
    @APIResponse(
            responseCode = "200",
            description = "A page of studies",
            headers = {@Header(name = "Link"), @Header(name = "X-Total-Count")})
    public RestResponse<Page<StudyResponse>> list(
            @Parameter(description = "Only studies in this state") @QueryParam("status") StudyStatus status,
            @Parameter(description = "Only completed studies with this verdict") @QueryParam("verdict") Verdict verdict,
            @Parameter(description = "ISTAT code of an involved municipality", example = "052032")
                    @QueryParam("municipality")
                    @Pattern(regexp = "\\d{6}", message = "must be a 6-digit ISTAT code")
                    String municipality,
            @Parameter(description = "Studies of this need") @QueryParam("need") UUID need,
            @QueryParam("page") Integer page,
            @QueryParam("size") Integer size,
            @Context UriInfo uri) {
        return PagedResponse.of(
                studies.list(
                                new StudyService.Filter(status, verdict, municipality, need),
                                access.restrictedTo(),
                                PageRequest.of(page, size))
                        .map(StudyResponse::summary),
                uri);
    }

    @GET
    @Path("/studies/{id}")
    @RolesAllowed(Roles.ANY_PLATFORM_ROLE)
    @Transactional
    @Operation(
            operationId = "getStudy",
            summary = "Read a study with its milestones, documents and indicators",
            description = "404 for an officer of a municipality the study does not involve.")
    @APIResponse(
            responseCode = "200",
            description = "The study",
            headers = @Header(name = "ETag"),
            content = @Content(schema = @Schema(implementation = StudyResponse.class)))
    @APIResponse(responseCode = "404", description = "No such study, or not yours to see")
    public Response get(@PathParam("id") UUID id) {
        return withETag(access.readable(id));
    }

    @PATCH
    @Path("/studies/{id}")
    @Consumes({MergePatch.MEDIA_TYPE, MediaType.APPLICATION_JSON})
    @RolesAllowed({Roles.FEASIBILITY_PARTNER, Roles.PROGRAMME_ADMIN})
    @Operation(
            operationId = "editStudy",
            summary = "Edit a study's title, scope, lead or CUP (If-Match required)",
            description = MANAGERS)
    @APIResponse(
            responseCode = "200",
            description = "Edited",
            headers = @Header(name = "ETag"),
            content = @Content(schema = @Schema(implementation = StudyResponse.class)))
    @APIResponse(responseCode = "400", description = "Invalid request")
    @APIResponse(responseCode = "404", description = "No such study")
    @APIResponse(responseCode = "409", description = "The study was abandoned")
    public Response edit(
            @PathParam("id") UUID id,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Valid @NotNull StudyRequests.Edit request) {
        return withETag(studies.edit(id, request, ifMatch));
    }

    @POST
    @Path("/studies/{id}/start")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.FEASIBILITY_PARTNER, Roles.PROGRAMME_ADMIN})
    @Operation(
            operationId = "startStudy",
            summary = "Start work on a requested study (needs its lead analyst)",
            description = MANAGERS + "REQUESTED → IN_PROGRESS; If-Match optional. Publishes study started.")
    @APIResponse(
            responseCode = "200",
            description = "Started",
            headers = @Header(name = "ETag"),
            content = @Content(schema = @Schema(implementation = StudyResponse.class)))
    @APIResponse(responseCode = "404", description = "No such study")
    @APIResponse(responseCode = "409", description = "Not REQUESTED")
    @APIResponse(responseCode = "422", description = "No lead analyst")
    public Response start(
            @PathParam("id") UUID id,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Valid @NotNull StudyRequests.Start request) {
        return withETag(studies.start(id, request, ifMatch));
    }

    @POST
    @Path("/studies/{id}/complete")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.FEASIBILITY_PARTNER, Roles.PROGRAMME_ADMIN})
    @Operation(
            operationId = "completeStudy",
            summary = "Complete a study with its verdict, cost and summary",
            description = MANAGERS + "IN_PROGRESS → COMPLETED; If-Match optional. The cost is EUR with at most two"
                    + " decimals, never negative; FEASIBLE_WITH_CONDITIONS needs the conditions. Publishes study"
                    + " completed (the needs become ASSESSED).")
    @APIResponse(
            responseCode = "200",
            description = "Completed",
            headers = @Header(name = "ETag"),
            content = @Content(schema = @Schema(implementation = StudyResponse.class)))
    @APIResponse(responseCode = "400", description = "Missing verdict, bad cost, conditions missing")
    @APIResponse(responseCode = "404", description = "No such study")
    @APIResponse(responseCode = "409", description = "Not IN_PROGRESS")
    public Response complete(
            @PathParam("id") UUID id,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Valid @NotNull StudyRequests.Complete request) {
        return withETag(studies.complete(id, request, ifMatch));
    }

    @POST
    @Path("/studies/{id}/abandon")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.FEASIBILITY_PARTNER, Roles.PROGRAMME_ADMIN})
    @Operation(
            operationId = "abandonStudy",
            summary = "Abandon a requested or running study, with the reason",
            description = MANAGERS + "If-Match optional. Publishes study abandoned.")
    @APIResponse(
            responseCode = "200",
            description = "Abandoned",
            headers = @Header(name = "ETag"),
            content = @Content(schema = @Schema(implementation = StudyResponse.class)))
    @APIResponse(responseCode = "400", description = "No reason")
    @APIResponse(responseCode = "404", description = "No such study")
    @APIResponse(responseCode = "409", description = "Already COMPLETED or ABANDONED")
    public Response abandon(
            @PathParam("id") UUID id,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Valid @NotNull StudyRequests.Abandon request) {
        return withETag(studies.abandon(id, request, ifMatch));
    }

    @POST
    @Path("/studies/{id}/milestones")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.FEASIBILITY_PARTNER, Roles.PROGRAMME_ADMIN})
    @Operation(operationId = "addMilestone", summary = "Add a milestone with its due date", description = MANAGERS)
    @APIResponse(
            responseCode = "201",
            description = "Added",
            content = @Content(schema = @Schema(implementation = StudyResponse.MilestoneView.class)))
    @APIResponse(responseCode = "400", description = "Invalid request")
    @APIResponse(responseCode = "404", description = "No such study")
    @APIResponse(responseCode = "409", description = "The study was abandoned")
    public Response addMilestone(@PathParam("id") UUID id, @Valid @NotNull StudyRequests.NewMilestone request) {
        return Response.status(201)
                .entity(StudyResponse.MilestoneView.of(studies.addMilestone(id, request)))
                .build();
    }

    @POST
    @Path("/studies/{id}/milestones/{milestoneId}/reached")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.FEASIBILITY_PARTNER, Roles.PROGRAMME_ADMIN})
    @Operation(
            operationId = "reachMilestone",
            summary = "Record the day a milestone was reached",
            description = MANAGERS + "The same day again changes nothing. Publishes milestone reached.")
    @APIResponse(
            responseCode = "200",
            description = "Recorded",
            content = @Content(schema = @Schema(implementation = StudyResponse.MilestoneView.class)))
    @APIResponse(responseCode = "400", description = "Invalid request")
    @APIResponse(responseCode = "404", description = "No such study or milestone")
    @APIResponse(responseCode = "409", description = "Already reached on another day, or the study was abandoned")
    public StudyResponse.MilestoneView reachMilestone(
            @PathParam("id") UUID id,
            @PathParam("milestoneId") UUID milestoneId,
            @Valid @NotNull StudyRequests.Reached request) {
        return StudyResponse.MilestoneView.of(studies.reachMilestone(id, milestoneId, request));
    }

    @POST
    @Path("/studies/{id}/documents")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.FEASIBILITY_PARTNER, Roles.PROGRAMME_ADMIN})
    @Operation(operationId = "addStudyDocument", summary = "Link a document of the study", description = MANAGERS)
    @APIResponse(
            responseCode = "201",
            description = "Linked",
            content = @Content(schema = @Schema(implementation = StudyResponse.DocumentView.class)))
    @APIResponse(responseCode = "400", description = "Invalid request (https URLs only)")
    @APIResponse(responseCode = "404", description = "No such study")
    @APIResponse(responseCode = "409", description = "The study was abandoned")
    public Response addDocument(@PathParam("id") UUID id, @Valid @NotNull StudyRequests.NewDocument request) {
        return Response.status(201)
                .entity(StudyResponse.DocumentView.of(studies.addDocument(id, request)))
                .build();
    }

    @POST
    @Path("/studies/{id}/indicators")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.FEASIBILITY_PARTNER, Roles.PROGRAMME_ADMIN})
    @Operation(
            operationId = "addImpactIndicator",
            summary = "Add an impact indicator with baseline and target",
            description = MANAGERS)
    @APIResponse(
            responseCode = "201",
            description = "Added",
            content = @Content(schema = @Schema(implementation = StudyResponse.IndicatorView.class)))
    @APIResponse(responseCode = "400", description = "Invalid request")
    @APIResponse(responseCode = "404", description = "No such study")
    @APIResponse(responseCode = "409", description = "The study was abandoned")
    public Response addIndicator(@PathParam("id") UUID id, @Valid @NotNull StudyRequests.NewIndicator request) {
        return Response.status(201)
                .entity(StudyResponse.IndicatorView.of(studies.addIndicator(id, request)))
                .build();
    }

    private static Response withETag(Study s) {
        return Response.ok(StudyResponse.full(s)).tag(ETags.of(s.version)).build();
    }
}
