package it.ngsiena.training.certificate;

import it.ngsiena.kernel.text.Labelled;
import it.ngsiena.training.attendance.Certificate;

/** Whether a certificate holds: VALID, or REVOKED (with the date and the reason). */
public enum CertificateStatus implements Labelled {
    VALID,
    REVOKED;

    public static CertificateStatus of(Certificate c) {
        return c.valid() ? VALID : REVOKED;
    }
}
