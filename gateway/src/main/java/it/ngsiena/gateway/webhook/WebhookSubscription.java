package it.ngsiena.gateway.webhook;

import it.ngsiena.kernel.persistence.AuditedEntity;
import it.ngsiena.kernel.security.Caller;
import it.ngsiena.kernel.text.Labelled;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** An owner's endpoint that receives, in feed order, the events of the feed that match its filters and that the owner may read. */
@Entity
@Table(name = "webhook_subscription")
public class WebhookSubscription extends AuditedEntity {

    @Schema(name = "WebhookSubscriptionStatus")
    public enum Status implements Labelled {
        /** Deliveries run. */
        ACTIVE,
        /** Deliveries failed for longer than the retry window; they start again when the owner resumes it. */
        SUSPENDED
    }

    @Id
    public UUID id;

    /** The name of the account that registered it, for people to read. */
    public String owner;

    /**
     * The account that registered it, by its token subject: only it (and the admin) reads and changes the
     * subscription. Null for subscriptions older than subjects until the owner check finds it by name.
     */
    @Column(name = "owner_subject")
    public String ownerSubject;

    /**
     * The owner's reader grants when they registered it, in the names of {@link it.ngsiena.contracts.Readers}:
     * deliveries carry nothing beyond them, and stop once the owner no longer holds them ({@link OwnerCheck}).
     */
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "owner_grants", columnDefinition = "varchar[]")
    public List<String> ownerGrants;

    @Column(name = "contact_email")
    public String contactEmail;

    public String url;

    public String description;

    public String workstream;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "event_types", columnDefinition = "text[]")
    public List<String> eventTypes;

    public String municipality;

    @Enumerated(EnumType.STRING)
    public Status status;

    /** The feed position (activity.seq) up to which every matching event has been delivered. */
    public long position;

    /** The signing secret ({@code whsec_…}), sealed ({@link SecretSeal}): never read it but through the seal. */
    public String secret;

    /** The secret before the last rotation (sealed), still signed with until {@link #previousSecretUntil}. */
    @Column(name = "previous_secret")
    public String previousSecret;

    @Column(name = "previous_secret_until")
    public OffsetDateTime previousSecretUntil;

    @Column(name = "next_attempt_at")
    public OffsetDateTime nextAttemptAt;

    /** Since when the next event has failed to be delivered (null while deliveries succeed). */
    @Column(name = "failing_since")
    public OffsetDateTime failingSince;

    @Column(name = "failed_attempts")
    public int failedAttempts;

    @Column(name = "last_error")
    public String lastError;

    @Column(name = "suspended_at")
    public OffsetDateTime suspendedAt;

    /** Why it was suspended (WebhookSubscriptionSuspended's reasons); null while active. */
    @Column(name = "suspension_reason")
    public String suspensionReason;

    @Column(name = "leased_until")
    public OffsetDateTime leasedUntil;

    /** Owned by the caller's account (by subject; by name for a subscription older than subjects). */
    boolean ownedBy(Caller caller) {
        return ownerSubject != null ? ownerSubject.equals(caller.subject()) : owner.equals(caller.name());
    }
}
