package it.ngsiena.participation.labels;

import it.ngsiena.kernel.text.LabelCatalogue;
import it.ngsiena.kernel.text.Labelled;
import it.ngsiena.participation.need.NeedBatch;
import it.ngsiena.participation.need.NeedOrigin;
import it.ngsiena.participation.need.NeedStatus;
import it.ngsiena.participation.need.Theme;
import it.ngsiena.participation.workshop.WorkshopStatus;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The Italian and English labels of every code the participation API shows (LabelCatalogue). */
@Path("/v1/participation/labels")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Labels", description = "The Italian and English labels of the codes the API shows")
public class ParticipationLabels {

    /** Every enum of the API; EnumLabelsTest fails on one left out. */
    public static final LabelCatalogue CATALOGUE = new LabelCatalogue(
            List.of(NeedStatus.class, NeedOrigin.class, Theme.class, WorkshopStatus.class, NeedBatch.Outcome.class));

    @GET
    @PermitAll
    @Operation(
            operationId = "participationLabels",
            summary = "The labels of the participation codes, in Italian and English",
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
                                            example =
                                                    "{\"NeedStatus\": {\"CODE\": {\"it\": \"Etichetta\", \"en\": \"Label\"}}}")))
    public Map<String, Map<String, Labelled.Label>> labels() {
        return CATALOGUE.labels();
    }
}
