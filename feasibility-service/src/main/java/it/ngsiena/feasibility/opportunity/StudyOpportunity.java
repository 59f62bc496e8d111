package it.ngsiena.feasibility.opportunity;

import it.ngsiena.kernel.persistence.AttributedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A study linked to an opportunity it can apply to, with the score it had then. */
@Entity
@Table(name = "study_opportunity")
@IdClass(StudyOpportunity.Key.class)
public class StudyOpportunity extends AttributedEntity {

    @Id
    @Column(name = "study_id")
    public UUID studyId;

    @Id
    @Column(name = "opportunity_id")
    public UUID opportunityId;

    @Column(nullable = false)
    public int score;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    public record Key(UUID studyId, UUID opportunityId) implements Serializable {
        public Key() {
            this(null, null);
        }
    }
}
