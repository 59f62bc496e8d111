package it.ngsiena.participation.need;

import it.ngsiena.kernel.persistence.AuditedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A need (bisogno) stated by one or more municipalities. Lifecycle moves are methods that refuse illegal ones. */
@Entity
@Table(name = "need")
public class Need extends AuditedEntity {

    @Id
    public UUID id;

    @Column(nullable = false)
    public String title;

    @Column(nullable = false)
    public String description;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Theme theme;

    /** ISTAT codes, in the order given. */
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(nullable = false, columnDefinition = "text[]")
    public List<String> municipalities;

    /** ISTAT codes of the municipalities that endorse the need, in endorsement order. */
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(nullable = false, columnDefinition = "text[]")
    public List<String> endorsers = new ArrayList<>();

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public NeedOrigin origin;

    @Column(name = "workshop_id")
    public UUID workshopId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public NeedStatus status;

    /** The organisation that submitted the need (a municipality, a partner), never a person. */
    @Column(name = "submitter_organisation")
    public String submitterOrganisation;

    /** Why the need was prioritised. */
    public String rationale;

    /** The answer given when the need was rejected, why it was withdrawn, or why its study was abandoned. */
    public String answer;

    @Column(name = "study_id")
    public UUID studyId;

    @Column(name = "study_verdict")
    public String studyVerdict;

    /** Set by partner systems that push needs in bulk: their own id, unique per pushing client. */
    @Column(name = "external_id")
    public String externalId;

    @Column(name = "external_source")
    public String externalSource;

    /** When it was collected, as the submitter says (createdAt: when the platform received it). */
    @Column(name = "submitted_at", nullable = false)
    public OffsetDateTime submittedAt;

    /** A new need in state SUBMITTED. */
    public static Need submit(
            String title,
            String description,
            Theme theme,
            List<String> municipalities,
            NeedOrigin origin,
            UUID workshopId,
            String submitterOrganisation,
            OffsetDateTime submittedAt) {
        Need need = new Need();
        need.id = UUID.randomUUID();
        need.title = title;
        need.description = description;
        need.theme = theme;
        need.municipalities = List.copyOf(municipalities);
        need.origin = origin;
        need.workshopId = workshopId;
        need.submitterOrganisation = submitterOrganisation;
        need.status = NeedStatus.SUBMITTED;
        need.createdAt = now();
        need.updatedAt = need.createdAt;
        need.submittedAt = submittedAt;
        return need;
    }

    /** Municipalities and endorsers together: the need's support. */
    public int supportCount() {
        return municipalities.size() + endorsers.size();
    }

    public void edit(String newTitle, String newDescription, Theme newTheme) {
        if (!status.editable()) {
            throw status.refused("need", "edited");
        }
        if (newTitle != null) {
            title = newTitle;
        }
        if (newDescription != null) {
            description = newDescription;
        }
        if (newTheme != null) {
            theme = newTheme;
        }
        touch();
    }

    public void review() {
        moveTo(NeedStatus.UNDER_REVIEW);
    }

    public void prioritise(String why) {
        moveTo(NeedStatus.PRIORITISED);
        rationale = why;
        answer = null;
    }

    public void reject(String answerText) {
        moveTo(NeedStatus.REJECTED);
        answer = answerText;
    }

    public void startFeasibility(UUID study) {
        moveTo(NeedStatus.IN_FEASIBILITY);
        studyId = study;
        answer = null;
    }

    /** Its submitters took it back, with why: it is no longer considered. */
    public void withdraw(String reason) {
        moveTo(NeedStatus.WITHDRAWN);
        answer = reason;
    }

    /** Its study was abandoned: the need says why and waits for a new study or a decision. */
    public void feasibilityAbandoned(String reason) {
        moveTo(NeedStatus.FEASIBILITY_ABANDONED);
        answer = reason;
    }

    public void assess(UUID study, String verdict) {
        moveTo(NeedStatus.ASSESSED);
        studyId = study;
        studyVerdict = verdict;
    }

    /** Adds the endorsement; false when the municipality already endorses the need. */
    public boolean endorse(String municipality) {
        if (endorsers.contains(municipality)) {
            return false;
        }
        List<String> updated = new ArrayList<>(endorsers);
        updated.add(municipality);
        endorsers = updated;
        touch();
        return true;
    }

    /** Removes the endorsement; false when there was none. */
    public boolean withdrawEndorsement(String municipality) {
        if (!endorsers.contains(municipality)) {
            return false;
        }
        List<String> updated = new ArrayList<>(endorsers);
        updated.remove(municipality);
        endorsers = updated;
        touch();
        return true;
    }

    private void moveTo(NeedStatus target) {
        status = status.moveTo(target, "need");
        touch();
    }

    private void touch() {
        updatedAt = now();
    }
}
