package it.ngsiena.training.labels;

import it.ngsiena.kernel.text.LabelCatalogue;
import it.ngsiena.kernel.text.LabelsResource;
import it.ngsiena.training.certificate.CertificateStatus;
import it.ngsiena.training.course.Topic;
import it.ngsiena.training.enrolment.EnrolmentStatus;
import it.ngsiena.training.participant.ParticipantRole;
import it.ngsiena.training.session.SessionFormat;
import it.ngsiena.training.session.SessionStatus;
import jakarta.ws.rs.Path;
import java.util.List;

/** The Italian and English labels of every code the training API shows (LabelsResource). */
@Path("/v1/training/labels")
public class TrainingLabels extends LabelsResource {

    /** Every enum of the API; EnumLabelsTest fails on one left out. */
    public static final LabelCatalogue CATALOGUE = new LabelCatalogue(List.of(
            Topic.class,
            SessionFormat.class,
            SessionStatus.class,
            EnrolmentStatus.class,
            ParticipantRole.class,
            CertificateStatus.class));

    @Override
    protected LabelCatalogue catalogue() {
        return CATALOGUE;
    }
}
