package it.ngsiena.feasibility.funding;

import it.ngsiena.kernel.persistence.AuditedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.util.UUID;

/** Money identified for a study: where from, how much (EUR, exact), how far the application is. */
@Entity
@Table(name = "funding_source")
public class FundingSource extends AuditedEntity {

    @Id
    public UUID id;

    @Column(name = "study_id", nullable = false)
    public UUID studyId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public FundingKind kind;

    /** For PNRR money: the mission component, e.g. M1C1. */
    @Column(name = "pnrr_component")
    public String pnrrComponent;

    /** For PNRR money, when known: the measure within the component, e.g. 1.2. */
    @Column(name = "pnrr_measure")
    public String pnrrMeasure;

    /** The call or programme, e.g. the name of a national or EU call. */
    public String programme;

    @Column(name = "amount_eur", nullable = false)
    public BigDecimal amountEur;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public FundingStatus status;
}
