package it.ngsiena.feasibility.study;

import it.ngsiena.kernel.persistence.AttributedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/** The parts of a study that are listed with it: milestones, document links and impact indicators. */
public final class StudyChild {

    private StudyChild() {}

    @Entity
    @Table(name = "study_milestone")
    public static class Milestone extends AttributedEntity {
        @Id
        public UUID id;

        @Column(name = "study_id", nullable = false)
        public UUID studyId;

        @Column(nullable = false)
        public String title;

        @Column(name = "due_on", nullable = false)
        public LocalDate dueOn;

        @Column(name = "reached_on")
        public LocalDate reachedOn;

        @Column(name = "created_at", nullable = false)
        public OffsetDateTime createdAt;
    }

    @Entity
    @Table(name = "study_document")
    public static class DocumentLink extends AttributedEntity {
        @Id
        public UUID id;

        @Column(name = "study_id", nullable = false)
        public UUID studyId;

        @Column(nullable = false)
        public String title;

        @Column(nullable = false)
        public String url;

        @Column(name = "created_at", nullable = false)
        public OffsetDateTime createdAt;
    }

    @Entity
    @Table(name = "impact_indicator")
    public static class Indicator extends AttributedEntity {
        @Id
        public UUID id;

        @Column(name = "study_id", nullable = false)
        public UUID studyId;

        @Column(nullable = false)
        public String name;

        @Column(nullable = false)
        public String unit;

        @Column(nullable = false)
        public BigDecimal baseline;

        @Column(nullable = false)
        public BigDecimal target;

        @Column(name = "created_at", nullable = false)
        public OffsetDateTime createdAt;
    }
}
