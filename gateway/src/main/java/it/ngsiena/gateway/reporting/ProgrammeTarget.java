package it.ngsiena.gateway.reporting;

import it.ngsiena.kernel.persistence.AuditedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.util.UUID;

/** A target of the programme: for an indicator, over the whole programme or in one municipality. */
@Entity
@Table(name = "programme_target")
public class ProgrammeTarget extends AuditedEntity {

    @Id
    public UUID id;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Indicator indicator;

    /** The municipality's ISTAT code; null for the whole programme. */
    public String municipality;

    @Column(nullable = false)
    public BigDecimal target;
}
