package it.ngsiena.comms.newsletter;

import it.ngsiena.kernel.persistence.AuditedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * Someone who asked for the newsletter. PENDING until they follow the confirmation link (double
 * opt-in), then CONFIRMED with the time of consent; UNSUBSCRIBED by the one-click link; ERASED on request.
 */
@Entity
@Table(name = "subscriber")
public class Subscriber extends AuditedEntity {

    public static final String PENDING = "PENDING";
    public static final String CONFIRMED = "CONFIRMED";
    public static final String UNSUBSCRIBED = "UNSUBSCRIBED";
    public static final String ERASED = "ERASED";

    @Id
    public UUID id;

    /** Lower-case; null once erased. */
    public String email;

    @Column(nullable = false)
    public String language;

    /** Announcement tags of interest; empty means all. */
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(nullable = false, columnDefinition = "text[]")
    public List<String> topics;

    /** ISTAT codes of interest; empty means all. */
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(nullable = false, columnDefinition = "text[]")
    public List<String> municipalities;

    @Column(nullable = false)
    public String status;

    @Column(name = "confirm_token", nullable = false)
    public String confirmToken;

    @Column(name = "unsubscribe_token", nullable = false)
    public String unsubscribeToken;

    @Column(name = "consent_at")
    public OffsetDateTime consentAt;

    @Column(name = "unsubscribed_at")
    public OffsetDateTime unsubscribedAt;

    @Column(name = "erased_at")
    public OffsetDateTime erasedAt;

    /** When a confirmation mail waits to be sent (ConfirmationMails); null when none does. */
    @Column(name = "confirmation_due_at")
    public OffsetDateTime confirmationDueAt;

    @Column(name = "confirmation_attempts")
    public int confirmationAttempts;

    @Column(name = "confirmations_window_start")
    public OffsetDateTime confirmationsWindowStart;

    @Column(name = "confirmations_in_window")
    public int confirmationsInWindow;

    /**
     * Asks for a confirmation mail unless the address had {@code limit} of them in the window already;
     * a mail still waiting is not asked for twice (it will carry the newest link).
     *
     * @return whether a mail is due now
     */
    boolean askConfirmation(OffsetDateTime now, int limit, java.time.Duration window) {
        if (mailWaiting(now)) {
            return true;
        }
        if (confirmationsWindowStart == null || !now.isBefore(confirmationsWindowStart.plus(window))) {
            confirmationsWindowStart = now;
            confirmationsInWindow = 0;
        }
        if (confirmationsInWindow >= limit) {
            return false;
        }
        confirmationsInWindow++;
        confirmationDueAt = now;
        confirmationAttempts = 0;
        return true;
    }

    /**
     * Whether a confirmation mail is due and not yet taken by the sender: asked again, the subscriber gets
     * that one. A mail being sent (claimed: due later) or waiting to be tried again does not count: a new
     * request asks for a new mail (within the limit).
     */
    boolean mailWaiting(OffsetDateTime now) {
        return confirmationDueAt != null && !confirmationDueAt.isAfter(now);
    }

    /** Whether a newsletter for these topics and municipalities is for this subscriber. */
    boolean wants(List<String> newsletterTopics, List<String> newsletterMunicipalities) {
        return overlaps(topics, newsletterTopics) && overlaps(municipalities, newsletterMunicipalities);
    }

    private static boolean overlaps(List<String> wanted, List<String> offered) {
        return wanted.isEmpty() || offered.isEmpty() || wanted.stream().anyMatch(offered::contains);
    }
}
