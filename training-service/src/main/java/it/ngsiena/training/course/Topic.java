package it.ngsiena.training.course;

import it.ngsiena.kernel.text.Labelled;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The topics of the training programme and the themes of the three autumn labs, with it/en labels. */
@Schema(name = "TrainingTopicCode")
public enum Topic implements Labelled {
    PNRR("Recovery Plan e PNRR", "Recovery Plan and PNRR"),
    FUNDRAISING("Fundraising e opportunità strategiche di territorio", "Fundraising and strategic territorial opportunities"),
    PROJECT_MANAGEMENT("Project management", "Project management"),
    ASSOCIATED_SERVICES("Costruzione e gestione dei servizi in forma associata",
            "Building and running services in associated form"),
    AREA_GOVERNANCE("Governance di area (laboratorio)", "Area governance (lab)"),
    INTERCOMMUNAL_PLATFORM("Costruzione di una piattaforma intercomunale (laboratorio)",
            "Building an intercommunal platform (lab)"),
    COMMUNICATION_LEADERSHIP("Comunicazione e leadership (laboratorio)", "Communication and leadership (lab)");

    private final Label label;

    Topic(String it, String en) {
        this.label = new Label(it, en);
    }

    @Override
    public Label label() {
        return label;
    }
}
