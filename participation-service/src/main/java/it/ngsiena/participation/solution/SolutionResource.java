package it.ngsiena.participation.solution;

import it.ngsiena.kernel.http.IdempotentCreates;
import it.ngsiena.kernel.paging.Items;
import it.ngsiena.kernel.security.Roles;
import it.ngsiena.participation.need.NeedService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/v1/participation/needs/{id}/solutions")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Solutions", description = "Ideas for solving a need")
public class SolutionResource {

    private final SolutionService solutions;
    private final NeedService needs;
    private final IdempotentCreates creates;

    SolutionResource(SolutionService solutions, NeedService needs, IdempotentCreates creates) {
        this.solutions = solutions;
        this.needs = needs;
        this.creates = creates;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.PARTICIPATION_PARTNER, Roles.PROGRAMME_ADMIN, Roles.MUNICIPALITY_OFFICER})
    @Operation(
            operationId = "proposeSolution",
            summary = "Propose a solution idea for a need",
            description = "participation-partner, programme-admin, or an officer of one of the need's or endorsing"
                    + " municipalities. Publishes it.ngsiena.participation.solution.proposed.v1.")
    @APIResponse(
            responseCode = "201",
            description = "Proposed",
            content = @Content(schema = @Schema(implementation = SolutionResponse.class)))
    @APIResponse(responseCode = "403", description = "Not involved in the need")
    @APIResponse(responseCode = "404", description = "No such need")
    public Response propose(
            @PathParam("id") UUID needId,
            @HeaderParam(IdempotentCreates.HEADER) String key,
            @Valid @NotNull SolutionRequest request,
            @Context UriInfo uri) {
        return creates.create(key, "POST /v1/participation/needs/" + needId + "/solutions", request, () -> {
            SolutionIdea idea = solutions.propose(needId, request);
            return new IdempotentCreates.Created(
                    uri.getAbsolutePathBuilder().path(idea.id.toString()).build(), SolutionResponse.of(idea));
        });
    }

    @GET
    @Path("/{solutionId}")
    @RolesAllowed(Roles.ANY_PLATFORM_ROLE)
    @Operation(
            operationId = "getSolution",
            summary = "A solution idea of a need",
            description = "Any platform role. The idea, its author organisation and when it was proposed.")
    @APIResponse(responseCode = "200", description = "The idea")
    @APIResponse(responseCode = "404", description = "No such need or solution")
    public SolutionResponse get(@PathParam("id") UUID needId, @PathParam("solutionId") UUID solutionId) {
        SolutionIdea idea = SolutionIdea.findById(solutionId);
        if (idea == null || !idea.needId.equals(needId)) {
            throw it.ngsiena.kernel.problem.ProblemException.notFound("Solution", solutionId);
        }
        return SolutionResponse.of(idea);
    }

    @GET
    @RolesAllowed(Roles.ANY_PLATFORM_ROLE)
    @Operation(
            operationId = "listSolutions",
            summary = "The solution ideas of a need, oldest first",
            description = "Any platform role. The solution ideas proposed for the need, oldest first; 404 when the "
                    + "need does not exist.")
    @APIResponse(responseCode = "200", description = "The ideas")
    @APIResponse(responseCode = "404", description = "No such need")
    public Items<SolutionResponse> list(@PathParam("id") UUID needId) {
        needs.get(needId);
        return Items.of(solutions.ofNeed(needId));
    }
}
