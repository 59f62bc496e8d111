package it.ngsiena.feasibility.labels;

import it.ngsiena.feasibility.funding.FundingKind;
import it.ngsiena.feasibility.funding.FundingStatus;
import it.ngsiena.feasibility.study.StudyStatus;
import it.ngsiena.feasibility.study.Verdict;
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

/** The Italian and English labels of every code the feasibility API shows (LabelCatalogue). */
@Path("/v1/feasibility/labels")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Labels", description = "The Italian and English labels of the codes the API shows")
public class FeasibilityLabels {

    /** Every enum of the API; EnumLabelsTest fails on one left out. */
    public static final LabelCatalogue CATALOGUE =
            new LabelCatalogue(List.of(StudyStatus.class, Verdict.class, FundingKind.class, FundingStatus.class));

    @GET
    @PermitAll
    @Operation(
            operationId = "feasibilityLabels",
            summary = "The labels of the feasibility codes, in Italian and English",
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
                                                    "{\"StudyStatus\": {\"CODE\": {\"it\": \"Etichetta\", \"en\": \"Label\"}}}")))
    public Map<String, Map<String, Labelled.Label>> labels() {
        return CATALOGUE.labels();
    }
}
