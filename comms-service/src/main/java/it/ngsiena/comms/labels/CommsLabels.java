package it.ngsiena.comms.labels;

import it.ngsiena.comms.announcement.AnnouncementStatus;
import it.ngsiena.comms.announcement.Audience;
import it.ngsiena.comms.notification.Category;
import it.ngsiena.comms.notification.Preferences;
import it.ngsiena.kernel.text.LabelCatalogue;
import it.ngsiena.kernel.text.LabelsResource;
import jakarta.ws.rs.Path;
import java.util.List;

/** The Italian and English labels of every code the comms API shows (LabelsResource). */
@Path("/v1/comms/labels")
public class CommsLabels extends LabelsResource {

    /** Every enum of the API; EnumLabelsTest fails on one left out. */
    public static final LabelCatalogue CATALOGUE = new LabelCatalogue(
            List.of(AnnouncementStatus.class, Audience.class, Category.class, Preferences.Mode.class));

    @Override
    protected LabelCatalogue catalogue() {
        return CATALOGUE;
    }
}
