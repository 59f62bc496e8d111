package it.ngsiena.kernel.text;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code GET /v1/<workstream>/labels}, the same in every service: a service's subclass names the path and its
 * catalogue; the kernel's OpenAPI filter names the operation after the workstream ({@code trainingLabels}).
 */
@Produces(MediaType.APPLICATION_JSON)
public abstract class LabelsResource {

    /** Every enum of the service's API (its EnumLabelsTest fails on one left out). */
    protected abstract LabelCatalogue catalogue();

    @GET
    @PermitAll
    @Tag(name = "Labels", description = "The Italian and English labels of the codes the API shows")
    @Operation(
            summary = "The labels of the workstream's codes, in Italian and English",
            description = "Anonymous. By enum, as the document names it, and by code: what to show where the data"
                    + " holds a code.")
    @APIResponse(
            responseCode = "200",
            description = "Labels by enum and code",
            content =
                    @Content(
                            schema =
                                    @Schema(
                                            type = SchemaType.OBJECT,
                                            description = "Enum name → code → its labels",
                                            example = "{\"NeedStatus\": {\"UNDER_REVIEW\": {\"it\": \"In esame\","
                                                    + " \"en\": \"Under review\"}}}")))
    public Map<String, Map<String, Labelled.Label>> labels() {
        return catalogue().labels();
    }
}
