package it.ngsiena.feasibility.labels;

import it.ngsiena.feasibility.funding.FundingKind;
import it.ngsiena.feasibility.funding.FundingStatus;
import it.ngsiena.feasibility.opportunity.OpportunityStatus;
import it.ngsiena.feasibility.study.StudyStatus;
import it.ngsiena.feasibility.study.Verdict;
import it.ngsiena.kernel.text.LabelCatalogue;
import it.ngsiena.kernel.text.LabelsResource;
import jakarta.ws.rs.Path;
import java.util.List;

/** The Italian and English labels of every code the feasibility API shows (LabelsResource). */
@Path("/v1/feasibility/labels")
public class FeasibilityLabels extends LabelsResource {

    /** Every enum of the API; EnumLabelsTest fails on one left out. */
    public static final LabelCatalogue CATALOGUE = new LabelCatalogue(
            List.of(StudyStatus.class, Verdict.class, FundingKind.class, FundingStatus.class, OpportunityStatus.class));

    @Override
    protected LabelCatalogue catalogue() {
        return CATALOGUE;
    }
}
