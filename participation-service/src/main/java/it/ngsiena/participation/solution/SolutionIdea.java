package it.ngsiena.participation.solution;

import it.ngsiena.kernel.persistence.AttributedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** An idea for solving a need. */
@Entity
@Table(name = "solution_idea")
public class SolutionIdea extends AttributedEntity {

    @Id
    public UUID id;

    @Column(name = "need_id", nullable = false)
    public UUID needId;

    @Column(nullable = false)
    public String title;

    @Column(nullable = false)
    public String description;

    @Column(name = "proposer_organisation")
    public String proposerOrganisation;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    public static List<SolutionIdea> ofNeed(UUID needId) {
        return list("needId = ?1 order by createdAt, id", needId);
    }
}
