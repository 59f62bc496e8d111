package it.ngsiena.contracts.training;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * A session took place with the hours actually delivered, and the totals of the attendance known at
 * that time per municipality (counts and hours, never people).
 */
public record SessionHeld(
        UUID sessionId,
        UUID courseId,
        String format,
        BigDecimal deliveredHours,
        List<MunicipalityAttendance> attendance,
        OffsetDateTime heldAt) {

    public static final String TYPE = "it.ngsiena.training.session.held.v1";

    /** Attendees and hours of one municipality. */
    public record MunicipalityAttendance(String municipality, int attendees, BigDecimal hours) {}
}
