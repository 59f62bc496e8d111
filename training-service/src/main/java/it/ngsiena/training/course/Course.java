package it.ngsiena.training.course;

import it.ngsiena.kernel.persistence.AuditedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.util.UUID;

/** A course: a track of the training programme. */
@Entity
@Table(name = "course")
public class Course extends AuditedEntity {

    @Id
    public UUID id;

    @Column(nullable = false)
    public String title;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Topic topic;

    @Column(nullable = false)
    public String description;

    @Column(name = "planned_hours", nullable = false)
    public BigDecimal plannedHours;

    /** Share of the course's held hours a participant must attend for a certificate. */
    @Column(name = "certificate_threshold_percent", nullable = false)
    public int certificateThresholdPercent;
}
