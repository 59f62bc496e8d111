package it.ngsiena.feasibility.study;

import it.ngsiena.kernel.persistence.AuditedEntity;
import it.ngsiena.kernel.problem.ProblemException;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A feasibility study of one or more needs. Lifecycle moves are methods that refuse illegal ones with a 409. */
@Entity
@Table(name = "study")
public class Study extends AuditedEntity {

    @Id
    public UUID id;

    @Column(nullable = false)
    public String title;

    public String scope;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "need_ids", nullable = false, columnDefinition = "uuid[]")
    public List<UUID> needIds;

    /** ISTAT codes of the municipalities involved. */
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(nullable = false, columnDefinition = "text[]")
    public List<String> municipalities;

    /** Need theme codes, used to match funding opportunities. */
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(nullable = false, columnDefinition = "text[]")
    public List<String> themes;

    @Column(name = "lead_organisation")
    public String leadOrganisation;

    @Column(name = "lead_role")
    public String leadRole;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public StudyStatus status;

    @Enumerated(EnumType.STRING)
    public Verdict verdict;

    public String conditions;

    @Column(name = "estimated_cost_eur")
    public BigDecimal estimatedCostEur;

    public String summary;

    @Column(name = "abandon_reason")
    public String abandonReason;

    /** Codice Unico di Progetto, once the project is funded. */
    public String cup;

    /** Codice Locale Progetto: the implementing body's own code of the project. */
    @Column(name = "local_project_code")
    public String localProjectCode;

    /** Codice Univoco Submisura of the PNRR measure it is funded under, e.g. M1C1I1.01.00 (see PnrrMeasureCode). */
    @Column(name = "pnrr_sub_measure")
    public String pnrrSubMeasure;

    /** The need-prioritised event this study was opened from, when it was opened automatically. */
    @Column(name = "source_event_id")
    public String sourceEventId;

    @Column(name = "started_at")
    public OffsetDateTime startedAt;

    /** When it was completed or abandoned. */
    @Column(name = "closed_at")
    public OffsetDateTime closedAt;

    /** Started at {@code startedAt} (when it really did), recorded {@code now}. */
    void start(OffsetDateTime startedAt, OffsetDateTime now) {
        StudyStatus started = status.moveTo(StudyStatus.IN_PROGRESS, "study");
        if (leadOrganisation == null) {
            throw ProblemException.unprocessable(
                    "A study needs its lead analyst before it starts",
                    List.of(new it.ngsiena.kernel.problem.Problem.Violation("leadOrganisation", "is required")));
        }
        status = started;
        this.startedAt = startedAt;
        updatedAt = now;
    }

    /** Completed at {@code completedAt} (when it really was), recorded {@code now}. */
    void complete(
            Verdict verdict,
            String conditions,
            BigDecimal cost,
            String summary,
            OffsetDateTime completedAt,
            OffsetDateTime now) {
        this.status = status.moveTo(StudyStatus.COMPLETED, "study");
        this.verdict = verdict;
        this.conditions = conditions;
        this.estimatedCostEur = cost;
        this.summary = summary;
        this.closedAt = completedAt;
        this.updatedAt = now;
    }

    void abandon(String reason, OffsetDateTime abandonedAt, OffsetDateTime now) {
        status = status.moveTo(StudyStatus.ABANDONED, "study");
        abandonReason = reason;
        closedAt = abandonedAt;
        updatedAt = now;
    }

    /** Milestones, documents, indicators and funding are added while the study is not abandoned. */
    public void requireNotAbandoned() {
        if (status == StudyStatus.ABANDONED) {
            throw status.refused("study", "changed");
        }
    }
}
