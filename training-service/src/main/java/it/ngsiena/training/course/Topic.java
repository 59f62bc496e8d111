package it.ngsiena.training.course;

import it.ngsiena.kernel.text.Labelled;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The topics of the training programme and the themes of the three autumn labs, with it/en labels. */
@Schema(name = "TrainingTopicCode")
public enum Topic implements Labelled {
    PNRR,
    FUNDRAISING,
    PROJECT_MANAGEMENT,
    ASSOCIATED_SERVICES,
    AREA_GOVERNANCE,
    INTERCOMMUNAL_PLATFORM,
    COMMUNICATION_LEADERSHIP
}
