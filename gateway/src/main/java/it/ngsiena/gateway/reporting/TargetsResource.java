package it.ngsiena.gateway.reporting;

import it.ngsiena.kernel.paging.Items;
import it.ngsiena.kernel.security.Caller;
import it.ngsiena.kernel.security.Roles;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The programme's targets: set by the admin, read by everyone against what a period achieved. */
@Path("/v1/programme/targets")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Programme figures", description = "Aggregates of every workstream's events; no personal data")
public class TargetsResource {

    private final Targets targets;
    private final Caller caller;

    TargetsResource(Targets targets, Caller caller) {
        this.targets = targets;
        this.caller = caller;
    }

    @GET
    @PermitAll
    @Transactional
    @Operation(
            operationId = "listTargets",
            summary = "The programme's targets against what a period achieved",
            description = "Public. Each target (the whole programme's, or a municipality's) with what was achieved"
                    + " between from and to (dates, both included, Europe/Rome; open when omitted), counted from"
                    + " the events' true dates, and the percentage.")
    @APIResponse(responseCode = "200", description = "The targets, by indicator")
    public Items<TargetProgress> list(
            @Parameter(
                            description = "First day counted",
                            example = "2022-03-01",
                            schema = @Schema(type = SchemaType.STRING, format = "date"))
                    @QueryParam("from")
                    String from,
            @Parameter(
                            description = "Last day counted",
                            example = "2022-06-30",
                            schema = @Schema(type = SchemaType.STRING, format = "date"))
                    @QueryParam("to")
                    String to,
            @Parameter(description = "Only this municipality's targets (ISTAT code)", example = "052032")
                    @QueryParam("municipality")
                    @Pattern(regexp = "\\d{6}", message = "must be a 6-digit ISTAT code")
                    String municipality) {
        Set<String> grants = caller.readerGrants();
        return Items.of(targets.progress(Period.of(from, to), grants, municipality));
    }

    @PUT
    @Path("/{indicator}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.PROGRAMME_ADMIN)
    @Operation(
            operationId = "setTarget",
            summary = "Set a target",
            description = "programme-admin. The target of an indicator for the whole programme, or (municipality)"
                    + " for one municipality; replaces the one there was. Answers it against everything so far.")
    @APIResponse(
            responseCode = "200",
            description = "The target",
            content = @Content(schema = @Schema(implementation = TargetProgress.class)))
    @APIResponse(responseCode = "422", description = "Unknown municipality")
    public TargetProgress set(@PathParam("indicator") Indicator indicator, @Valid @NotNull TargetRequest request) {
        ProgrammeTarget target = targets.set(indicator, request);
        List<TargetProgress> progress = targets.progress(
                Period.of(null, null), caller.readerGrants(), target.municipality == null ? "" : target.municipality);
        return progress.stream()
                .filter(p -> p.indicator() == indicator)
                .findFirst()
                .orElseThrow();
    }

    @DELETE
    @Path("/{indicator}")
    @RolesAllowed(Roles.PROGRAMME_ADMIN)
    @Operation(
            operationId = "removeTarget",
            summary = "Remove a target",
            description = "programme-admin. The whole programme's target of the indicator, or (municipality) one"
                    + " municipality's.")
    @APIResponse(responseCode = "204", description = "Removed")
    @APIResponse(responseCode = "404", description = "No such target")
    public Response remove(
            @PathParam("indicator") Indicator indicator,
            @Parameter(description = "The municipality whose target it is (ISTAT code)", example = "052032")
                    @QueryParam("municipality")
                    @Pattern(regexp = "\\d{6}", message = "must be a 6-digit ISTAT code")
                    String municipality) {
        targets.remove(indicator, municipality);
        return Response.noContent().build();
    }
}
