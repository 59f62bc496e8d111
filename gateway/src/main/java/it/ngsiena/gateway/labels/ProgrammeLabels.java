package it.ngsiena.gateway.labels;

import it.ngsiena.gateway.programme.MembershipRole;
import it.ngsiena.gateway.reporting.Indicator;
import it.ngsiena.gateway.webhook.WebhookDelivery;
import it.ngsiena.gateway.webhook.WebhookSubscription;
import it.ngsiena.kernel.text.LabelCatalogue;
import it.ngsiena.kernel.text.LabelsResource;
import jakarta.ws.rs.Path;
import java.util.List;

/** The Italian and English labels of every code the programme API shows (LabelsResource). */
@Path("/v1/programme/labels")
public class ProgrammeLabels extends LabelsResource {

    /** Every enum of the API; EnumLabelsTest fails on one left out. */
    public static final LabelCatalogue CATALOGUE = new LabelCatalogue(List.of(
            MembershipRole.class, WebhookSubscription.Status.class, WebhookDelivery.Outcome.class, Indicator.class));

    @Override
    protected LabelCatalogue catalogue() {
        return CATALOGUE;
    }
}
