package it.ngsiena.participation.labels;

import it.ngsiena.kernel.text.LabelCatalogue;
import it.ngsiena.kernel.text.LabelsResource;
import it.ngsiena.participation.need.NeedBatch;
import it.ngsiena.participation.need.NeedOrigin;
import it.ngsiena.participation.need.NeedStatus;
import it.ngsiena.participation.need.Theme;
import it.ngsiena.participation.workshop.WorkshopStatus;
import jakarta.ws.rs.Path;
import java.util.List;

/** The Italian and English labels of every code the participation API shows (LabelsResource). */
@Path("/v1/participation/labels")
public class ParticipationLabels extends LabelsResource {

    /** Every enum of the API; EnumLabelsTest fails on one left out. */
    public static final LabelCatalogue CATALOGUE = new LabelCatalogue(
            List.of(NeedStatus.class, NeedOrigin.class, Theme.class, WorkshopStatus.class, NeedBatch.Outcome.class));

    @Override
    protected LabelCatalogue catalogue() {
        return CATALOGUE;
    }
}
