package it.ngsiena.gateway.labels;

import it.ngsiena.gateway.programme.MembershipRole;
import it.ngsiena.gateway.webhook.WebhookDelivery;
import it.ngsiena.gateway.webhook.WebhookSubscription;
import it.ngsiena.kernel.text.LabelCatalogue;
import it.ngsiena.kernel.text.Labelled;
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

/** The Italian and English labels of every code the programme API shows (LabelCatalogue). */
@Path("/v1/programme/labels")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Labels", description = "The Italian and English labels of the codes the API shows")
public class ProgrammeLabels {

    /** Every enum of the API; EnumLabelsTest fails on one left out. */
    public static final LabelCatalogue CATALOGUE = new LabelCatalogue(
            List.of(MembershipRole.class, WebhookSubscription.Status.class, WebhookDelivery.Outcome.class));

    @GET
    @PermitAll
    @Operation(
            operationId = "programmeLabels",
            summary = "The labels of the programme codes, in Italian and English",
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
                                                    "{\"MembershipRole\": {\"CODE\": {\"it\": \"Etichetta\", \"en\": \"Label\"}}}")))
    public Map<String, Map<String, Labelled.Label>> labels() {
        return CATALOGUE.labels();
    }
}
