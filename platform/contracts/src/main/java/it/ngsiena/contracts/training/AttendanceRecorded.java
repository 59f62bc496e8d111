package it.ngsiena.contracts.training;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** The attendance of a held session was recorded (or replaced): totals per municipality, never people. */
public record AttendanceRecorded(
        UUID sessionId, UUID courseId, List<SessionHeld.MunicipalityAttendance> attendance, OffsetDateTime recordedAt) {

    public static final String TYPE = "it.ngsiena.training.attendance.recorded.v1";
}
