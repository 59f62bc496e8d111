package it.ngsiena.feasibility.funding;

import it.ngsiena.feasibility.study.StudyAccess;
import it.ngsiena.kernel.http.ETags;
import it.ngsiena.kernel.http.MergePatch;
import it.ngsiena.kernel.paging.Items;
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
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/v1/feasibility")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Funding", description = "Funding sources of studies and the PNRR's structure")
public class FundingResource {

    private final FundingService funding;
    private final StudyAccess access;
    private final PnrrStructure pnrr;

    FundingResource(FundingService funding, StudyAccess access, PnrrStructure pnrr) {
        this.funding = funding;
        this.access = access;
        this.pnrr = pnrr;
    }

    @Schema(name = "PnrrComponent")
    public record ComponentView(
            @Schema(example = "M1C1") String code,
            @Schema(example = "M1") String mission,

            @Schema(example = "Digitalizzazione, innovazione e sicurezza nella PA")
            String titleIt,

            @Schema(example = "Digitalisation, innovation and security in the public administration")
            String titleEn) {}

    @GET
    @Path("/pnrr-components")
    @PermitAll
    @Operation(
            operationId = "listPnrrComponents",
            summary = "The PNRR's mission components, with it/en titles",
            description = "Anonymous. The mission components of the PNRR (national recovery and resilience plan) "
                    + "with Italian and English titles, the codes funding opportunities and studies refer to.")
    public Items<ComponentView> components() {
        return Items.of(pnrr.components().stream()
                .map(c -> new ComponentView(c.code(), c.mission(), c.titleIt(), c.titleEn()))
                .toList());
    }

    @GET
    @Path("/studies/{id}/funding-sources")
    @RolesAllowed(Roles.ANY_PLATFORM_ROLE)
    @Operation(
            operationId = "listFundingSources",
            summary = "The funding sources of a study",
            description = "Whoever may read the study.")
    @APIResponse(responseCode = "200", description = "The study's funding sources")
    @APIResponse(responseCode = "404", description = "No such study, or not yours to see")
    public Items<FundingRequests.FundingSourceView> list(@PathParam("id") UUID studyId) {
        access.readable(studyId);
        return Items.of(funding.of(studyId).stream()
                .map(FundingRequests.FundingSourceView::of)
                .toList());
    }

    @POST
    @Path("/studies/{id}/funding-sources")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.FEASIBILITY_PARTNER, Roles.PROGRAMME_ADMIN})
    @Operation(
            operationId = "addFundingSource",
            summary = "Add a funding source to a study",
            description = "feasibility-partner or programme-admin. PNRR money names a component of the plan."
                    + " Publishes funding source added.")
    @APIResponse(
            responseCode = "201",
            description = "Added",
            headers = @Header(name = "ETag"),
            content = @Content(schema = @Schema(implementation = FundingRequests.FundingSourceView.class)))
    @APIResponse(responseCode = "400", description = "Invalid request, unknown PNRR component, bad amount")
    @APIResponse(responseCode = "404", description = "No such study")
    @APIResponse(responseCode = "409", description = "The study was abandoned")
    public Response add(@PathParam("id") UUID studyId, @Valid @NotNull FundingRequests.Add request) {
        FundingSource f = funding.add(studyId, request);
        return Response.status(201)
                .entity(FundingRequests.FundingSourceView.of(f))
                .tag(ETags.of(f.version))
                .build();
    }

    @PATCH
    @Path("/funding-sources/{id}")
    @Consumes({MergePatch.MEDIA_TYPE, MediaType.APPLICATION_JSON})
    @RolesAllowed({Roles.FEASIBILITY_PARTNER, Roles.PROGRAMME_ADMIN})
    @Operation(
            operationId = "changeFundingSource",
            summary = "Change the amount or status of a funding source",
            description = "feasibility-partner or programme-admin; If-Match required. Publishes funding source"
                    + " changed when something changed.")
    @APIResponse(
            responseCode = "200",
            description = "Changed",
            headers = @Header(name = "ETag"),
            content = @Content(schema = @Schema(implementation = FundingRequests.FundingSourceView.class)))
    @APIResponse(responseCode = "400", description = "Invalid request")
    @APIResponse(responseCode = "404", description = "No such funding source")
    public Response change(
            @PathParam("id") UUID id,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Valid @NotNull FundingRequests.Change request) {
        FundingSource f = funding.change(id, request, ifMatch);
        return Response.ok(FundingRequests.FundingSourceView.of(f))
                .tag(ETags.of(f.version))
                .build();
    }
}
