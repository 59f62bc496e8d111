package it.ngsiena.training.certificate;

import it.ngsiena.contracts.training.CertificateRevoked;
import it.ngsiena.kernel.outbox.Outbox;
import it.ngsiena.training.attendance.Certificate;
import it.ngsiena.training.course.Course;
import it.ngsiena.training.mail.ParticipantMails;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import org.jboss.logging.Logger;

/**
 * Revokes a certificate with its reason and the event that says so (in the caller's transaction): by the
 * training partner's decision, or because the attendance it was issued on was corrected below the
 * course's threshold. Its code keeps verifying, as revoked; its holder is mailed why.
 */
@ApplicationScoped
public class CertificateRevocations {

    private static final Logger LOG = Logger.getLogger(CertificateRevocations.class);

    private final Outbox outbox;
    private final ParticipantMails mails;

    CertificateRevocations(Outbox outbox, ParticipantMails mails) {
        this.outbox = outbox;
        this.mails = mails;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void revoke(Certificate c, String reason, OffsetDateTime at) {
        c.revokedAt = at;
        c.revocationReason = reason;
        Certificate.flush(); // frees the participant's valid slot before a reissue in the same transaction
        outbox.append(c.id, new CertificateRevoked(c.id, c.courseId, c.participantId, c.municipality, reason, at), at);
        mails.revoked(c, Course.findById(c.courseId));
        LOG.infof("Certificate %s revoked: %s", c.code, reason);
    }
}
