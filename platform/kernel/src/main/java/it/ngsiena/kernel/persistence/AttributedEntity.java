package it.ngsiena.kernel.persistence;

import io.quarkus.arc.Arc;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import it.ngsiena.kernel.audit.Actors;
import it.ngsiena.kernel.events.Actor;
import jakarta.persistence.Column;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.PrePersist;
import jakarta.persistence.PreUpdate;

/**
 * Who created a record and who changed it last ({@code created_by}, {@code updated_by}: {@link
 * Actor#recordedAs()}), set by JPA as it is written: every record people write keeps them, the aggregates
 * ({@link AuditedEntity}) and the rows that hang off them (a study's milestones, a session's attendance...).
 */
@MappedSuperclass
public abstract class AttributedEntity extends PanacheEntityBase {

    /** Who created it; null for rows written before the platform kept it. */
    @Column(name = "created_by")
    public String createdBy;

    /** Who changed it last (or created it, if nobody has changed it since). */
    @Column(name = "updated_by")
    public String updatedBy;

    @PrePersist
    void recordCreator() {
        createdBy = Arc.container().instance(Actors.class).get().current().recordedAs();
        updatedBy = createdBy;
    }

    @PreUpdate
    void recordChanger() {
        updatedBy = Arc.container().instance(Actors.class).get().current().recordedAs();
    }
}
