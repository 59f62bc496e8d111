package it.ngsiena.participation.need;

import it.ngsiena.kernel.http.ETags;
import it.ngsiena.kernel.http.IdempotentCreates;
import it.ngsiena.kernel.paging.Page;
import it.ngsiena.kernel.paging.PageRequest;
import it.ngsiena.kernel.paging.PagedResponse;
import it.ngsiena.kernel.problem.Problem;
import it.ngsiena.kernel.problem.ProblemException;
import it.ngsiena.kernel.security.Roles;
import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/v1/participation/needs")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Needs", description = "Needs (bisogni) stated by the municipalities")
@SecurityRequirement(name = "bearer")
@APIResponse(responseCode = "401", description = "No valid bearer token",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class NeedResource {

    private final NeedService service;
    private final NeedRepository needs;
    private final IdempotentCreates creates;

    NeedResource(NeedService service, NeedRepository needs, IdempotentCreates creates) {
        this.service = service;
        this.needs = needs;
        this.creates = creates;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.PARTICIPATION_PARTNER, Roles.PROGRAMME_ADMIN, Roles.MUNICIPALITY_OFFICER})
    @Operation(operationId = "submitNeed", summary = "Submit a need",
            description = "Allowed to participation-partner, programme-admin, and a municipality-officer whose"
                    + " municipality is among the need's municipalities. Publishes"
                    + " it.ngsiena.participation.need.submitted.v1. A retry with the same Idempotency-Key returns"
                    + " the first response.")
    @APIResponse(responseCode = "201", description = "Stored",
            headers = @Header(name = "Location", description = "URL of the new need"),
            content = @Content(schema = @Schema(implementation = NeedResponse.class)))
    @APIResponse(responseCode = "400", description = "Invalid request",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Not allowed for these municipalities",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "Unknown municipality, or Idempotency-Key reused",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response submit(
            @Parameter(description = "Makes a retried create return the first response", example = "5c1d0c0e-need-1")
            @HeaderParam(IdempotentCreates.HEADER) String idempotencyKey,
            @Valid @NotNull NeedRequest request,
            @Context UriInfo uri) {
        return creates.create(idempotencyKey, "POST /v1/participation/needs", request, () -> {
            Need need = service.submit(request);
            return new IdempotentCreates.Created(uri.getAbsolutePathBuilder().path(need.id.toString()).build(),
                    NeedResponse.of(need));
        });
    }

    @GET
    @Path("/{id}")
    @Authenticated
    @Operation(operationId = "getNeed", summary = "Read a need")
    @APIResponse(responseCode = "200", description = "The need", headers = @Header(name = "ETag"),
            content = @Content(schema = @Schema(implementation = NeedResponse.class)))
    @APIResponse(responseCode = "404", description = "No such need",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response get(@PathParam("id") UUID id) {
        Need need = needs.findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("Need", id));
        return Response.ok(NeedResponse.of(need)).tag(ETags.of(need.version)).build();
    }

    @GET
    @Authenticated
    @Operation(operationId = "listNeeds", summary = "List needs",
            description = "Newest first. Link header with first/prev/next/last, X-Total-Count with the total.")
    @APIResponse(responseCode = "200", description = "A page of needs",
            headers = {@Header(name = "Link"), @Header(name = "X-Total-Count")},
            content = @Content(schema = @Schema(implementation = NeedPage.class)))
    @APIResponse(responseCode = "400", description = "Invalid filter or paging",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response list(
            @Parameter(description = "ISTAT code", example = "052032")
            @QueryParam("municipality") @Pattern(regexp = "\\d{6}", message = "must be a 6-digit ISTAT code")
            String municipality,
            @QueryParam("theme") Theme theme,
            @QueryParam("status") NeedStatus status,
            @Parameter(description = "Zero-based page", schema = @Schema(type = SchemaType.INTEGER, defaultValue = "0"))
            @QueryParam("page") Integer page,
            @Parameter(description = "Page size, 1 to 100", schema = @Schema(type = SchemaType.INTEGER,
                    defaultValue = "20"))
            @QueryParam("size") Integer size,
            @Context UriInfo uri) {
        Page<NeedResponse> result = needs.search(new NeedRepository.NeedFilter(municipality, theme, status),
                PageRequest.of(page, size)).map(NeedResponse::of);
        return PagedResponse.of(result, uri);
    }

    /** For the OpenAPI document: a page of needs. */
    @Schema(name = "NeedPage")
    public record NeedPage(java.util.List<NeedResponse> items, long total, int page, int size, int totalPages) {
    }
}
