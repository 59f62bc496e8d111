package it.ngsiena.feasibility.opportunity;

import it.ngsiena.feasibility.funding.FundingKind;
import it.ngsiena.kernel.persistence.AuditedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A funding opportunity (bando): who funds, for which themes and municipalities, until when, how much. */
@Entity
@Table(name = "funding_opportunity")
public class FundingOpportunity extends AuditedEntity {

    @Id
    public UUID id;

    @Column(nullable = false)
    public String title;

    @Column(nullable = false)
    public String funder;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public FundingKind kind;

    @Column(name = "pnrr_component")
    public String pnrrComponent;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(nullable = false, columnDefinition = "text[]")
    public List<String> themes;

    /** ISTAT codes of the eligible municipalities; empty means every municipality. */
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "eligible_municipalities", nullable = false, columnDefinition = "text[]")
    public List<String> eligibleMunicipalities;

    @Column(name = "opens_on", nullable = false)
    public LocalDate opensOn;

    @Column(nullable = false)
    public LocalDate deadline;

    @Column(name = "total_budget_eur")
    public BigDecimal totalBudgetEur;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public OpportunityStatus status = OpportunityStatus.OPEN;

    /** Why it was closed early or withdrawn. */
    @Column(name = "status_reason")
    public String statusReason;

    /** When it was closed early or withdrawn. */
    @Column(name = "status_at")
    public OffsetDateTime statusAt;

    public boolean isOpenOn(LocalDate day) {
        return status == OpportunityStatus.OPEN && !day.isBefore(opensOn) && !day.isAfter(deadline);
    }
}
