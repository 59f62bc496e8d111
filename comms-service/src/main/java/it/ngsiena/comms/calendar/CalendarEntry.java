package it.ngsiena.comms.calendar;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A training session or a workshop in the programme calendar. The uid never changes, so calendar
 * clients update the event they have; every change raises the sequence (RFC 5545).
 */
@Entity
@Table(name = "calendar_entry")
public class CalendarEntry extends PanacheEntityBase {

    /** TRAINING_SESSION or WORKSHOP. */
    public static final String SESSION = "TRAINING_SESSION";

    public static final String WORKSHOP = "WORKSHOP";

    @Id
    public String uid;

    @Column(nullable = false)
    public String kind;

    @Column(name = "source_id", nullable = false)
    public UUID sourceId;

    @Column(nullable = false)
    public String title;

    @Column(name = "starts_at", nullable = false)
    public OffsetDateTime startsAt;

    @Column(name = "ends_at", nullable = false)
    public OffsetDateTime endsAt;

    public String location;

    /** ISTAT codes; empty for programme-wide events such as the training sessions. */
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(nullable = false, columnDefinition = "text[]")
    public List<String> municipalities;

    /** CONFIRMED or CANCELLED, as in iCalendar. */
    @Column(nullable = false)
    public String status;

    @Column(nullable = false)
    public int sequence;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;

    public static String uidOf(String kind, UUID sourceId) {
        return kind.toLowerCase().replace('_', '-') + "-" + sourceId + "@ngsiena.it";
    }
}
