package it.ngsiena.participation.workshop;

import it.ngsiena.kernel.http.ETags;
import it.ngsiena.kernel.http.IdempotentCreates;
import it.ngsiena.kernel.http.MergePatch;
import it.ngsiena.kernel.paging.Page;
import it.ngsiena.kernel.paging.PageRequest;
import it.ngsiena.kernel.paging.PagedResponse;
import it.ngsiena.kernel.security.Roles;
import it.ngsiena.kernel.text.MarkdownRenderer;
import jakarta.annotation.security.RolesAllowed;
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

@Path("/v1/participation/workshops")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Workshops", description = "Participatory meetings where needs are collected")
public class WorkshopResource {

    private final WorkshopService workshops;
    private final IdempotentCreates creates;
    private final MarkdownRenderer markdown;

    WorkshopResource(WorkshopService workshops, IdempotentCreates creates, MarkdownRenderer markdown) {
        this.workshops = workshops;
        this.creates = creates;
        this.markdown = markdown;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.PARTICIPATION_PARTNER, Roles.PROGRAMME_ADMIN})
    @Operation(
            operationId = "planWorkshop",
            summary = "Plan a workshop",
            description = "participation-partner or programme-admin. Publishes workshop planned.")
    @APIResponse(
            responseCode = "201",
            description = "Planned",
            headers = @Header(name = "Location"),
            content = @Content(schema = @Schema(implementation = WorkshopResponse.class)))
    @APIResponse(responseCode = "400", description = "Invalid request")
    @APIResponse(responseCode = "403", description = "Not the partner or the admin")
    public Response plan(
            @HeaderParam(IdempotentCreates.HEADER) String key,
            @Valid @NotNull WorkshopRequests.Plan request,
            @Context UriInfo uri) {
        return creates.create(key, "POST /v1/participation/workshops", request, () -> {
            Workshop w = workshops.plan(request);
            return new IdempotentCreates.Created(
                    uri.getAbsolutePathBuilder().path(w.id.toString()).build(), WorkshopResponse.of(w, markdown));
        });
    }

    @GET
    @RolesAllowed(Roles.ANY_PLATFORM_ROLE)
    @Operation(
            operationId = "listWorkshops",
            summary = "List workshops, latest first",
            description = "Any platform role. Filter by municipality (6-digit ISTAT code) and status; latest first, "
                    + "paged like every list.")
    @APIResponse(
            responseCode = "200",
            description = "A page of workshops",
            headers = {@Header(name = "Link"), @Header(name = "X-Total-Count")})
    public RestResponse<Page<WorkshopResponse>> list(
            @QueryParam("municipality") @Pattern(regexp = "\\d{6}", message = "must be a 6-digit ISTAT code")
                    String municipality,
            @Parameter(description = "Only workshops in this state") @QueryParam("status") WorkshopStatus status,
            @QueryParam("page") Integer page,
            @QueryParam("size") Integer size,
            @Context UriInfo uri) {
        return PagedResponse.of(
                workshops
                        .list(municipality, status, PageRequest.of(page, size))
                        .map(w -> WorkshopResponse.of(w, markdown)),
                uri);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed(Roles.ANY_PLATFORM_ROLE)
    @Operation(
            operationId = "getWorkshop",
            summary = "Read a workshop",
            description = "Any platform role. The workshop with its ETag.")
    @APIResponse(
            responseCode = "200",
            description = "The workshop",
            headers = @Header(name = "ETag"),
            content = @Content(schema = @Schema(implementation = WorkshopResponse.class)))
    @APIResponse(responseCode = "404", description = "No such workshop")
    public Response get(@PathParam("id") UUID id) {
        return withETag(workshops.get(id));
    }

    @PATCH
    @Path("/{id}")
    @Consumes({MergePatch.MEDIA_TYPE, MediaType.APPLICATION_JSON})
    @RolesAllowed({Roles.PARTICIPATION_PARTNER, Roles.PROGRAMME_ADMIN})
    @Operation(
            operationId = "editWorkshop",
            summary = "Correct a workshop: re-plan it, or correct its minutes",
            description = "participation-partner or programme-admin; If-Match with the ETag read is required. While"
                    + " PLANNED: title, times, place, meeting link and facilitator (publishes workshop planned again,"
                    + " with the next sequence: calendars move it). Once HELD: the minutes (Markdown; the answer"
                    + " carries them rendered as minutesHtml). A CANCELLED workshop is not edited (409).")
    @APIResponse(
            responseCode = "200",
            description = "Corrected",
            headers = @Header(name = "ETag"),
            content = @Content(schema = @Schema(implementation = WorkshopResponse.class)))
    @APIResponse(responseCode = "409", description = "Not editable in its state, in this way")
    public Response edit(
            @PathParam("id") UUID id,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Valid @NotNull WorkshopRequests.Edit edit) {
        return withETag(workshops.edit(id, edit, ifMatch));
    }

    @POST
    @Path("/{id}/held")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.PARTICIPATION_PARTNER, Roles.PROGRAMME_ADMIN})
    @Operation(
            operationId = "markWorkshopHeld",
            summary = "Record that a workshop took place",
            description = "PLANNED → HELD with the attendance count and minutes. Publishes workshop held.")
    @APIResponse(
            responseCode = "200",
            description = "Held",
            content = @Content(schema = @Schema(implementation = WorkshopResponse.class)))
    @APIResponse(responseCode = "409", description = "Not PLANNED")
    public Response held(
            @PathParam("id") UUID id,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Valid @NotNull WorkshopRequests.Held request) {
        return withETag(workshops.held(id, request, ifMatch));
    }

    @POST
    @Path("/{id}/cancel")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.PARTICIPATION_PARTNER, Roles.PROGRAMME_ADMIN})
    @Operation(
            operationId = "cancelWorkshop",
            summary = "Cancel a planned workshop",
            description = "PLANNED → CANCELLED with a reason. Publishes workshop cancelled.")
    @APIResponse(
            responseCode = "200",
            description = "Cancelled",
            content = @Content(schema = @Schema(implementation = WorkshopResponse.class)))
    @APIResponse(responseCode = "409", description = "Not PLANNED")
    public Response cancel(
            @PathParam("id") UUID id,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Valid @NotNull WorkshopRequests.Cancel request) {
        return withETag(workshops.cancel(id, request, ifMatch));
    }

    private Response withETag(Workshop w) {
        return Response.ok(WorkshopResponse.of(w, markdown))
                .tag(ETags.of(w.version))
                .build();
    }
}
