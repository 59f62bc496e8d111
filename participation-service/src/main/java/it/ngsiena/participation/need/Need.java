package it.ngsiena.participation.need;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A need (bisogno) stated by one or more municipalities. */
@Entity
@Table(name = "need")
public class Need extends PanacheEntityBase {

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

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public NeedOrigin origin;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public NeedStatus status;

    /** The organisation that submitted the need (a municipality, a partner), never a person. */
    @Column(name = "submitter_organisation")
    public String submitterOrganisation;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;

    @Version
    public long version;

    /** A new need in state SUBMITTED. */
    public static Need submit(String title, String description, Theme theme, List<String> municipalities,
            NeedOrigin origin, String submitterOrganisation) {
        Need need = new Need();
        need.id = UUID.randomUUID();
        need.title = title;
        need.description = description;
        need.theme = theme;
        need.municipalities = List.copyOf(municipalities);
        need.origin = origin;
        need.submitterOrganisation = submitterOrganisation;
        need.status = NeedStatus.SUBMITTED;
        need.createdAt = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
        need.updatedAt = need.createdAt;
        return need;
    }
}
