package it.ngsiena.comms.notification;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.hibernate.orm.panache.Panache;
import it.ngsiena.comms.calendar.CalendarEntry;
import it.ngsiena.contracts.training.EnrolmentWithdrawn;
import it.ngsiena.contracts.training.ParticipantEnrolled;
import it.ngsiena.kernel.events.IncomingEvent;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The municipalities with staff in each training session, kept from the enrolment events by enrolment (never a
 * person): whom a session moved or cancelled concerns. And a session's title, from the programme calendar, so that
 * a notification names the session rather than its id.
 */
final class SessionStaff {

    private SessionStaff() {}

    /** Records an enrolment or a withdrawal, in the transaction that handles the event; again changes nothing. */
    static void record(IncomingEvent event) {
        JsonNode data = event.data();
        boolean enrolled = ParticipantEnrolled.TYPE.equals(event.type());
        if (!enrolled && !EnrolmentWithdrawn.TYPE.equals(event.type())) {
            return;
        }
        Panache.getEntityManager()
                .createNativeQuery("insert into session_enrolment (enrolment_id, session_id, municipality, active)"
                        + " values (?1, ?2, ?3, ?4) on conflict (enrolment_id) do update set active = excluded.active")
                .setParameter(1, UUID.fromString(data.path("enrolmentId").asText()))
                .setParameter(2, UUID.fromString(data.path("sessionId").asText()))
                .setParameter(3, data.path("municipality").asText())
                .setParameter(4, enrolled)
                .executeUpdate();
    }

    /** The municipalities with a seat or a waiting place in the session. */
    @SuppressWarnings("unchecked")
    static List<String> municipalities(String sessionId) {
        if (sessionId == null || sessionId.isBlank()) {
            return List.of();
        }
        return Panache.getEntityManager()
                .createNativeQuery("select distinct municipality from session_enrolment where session_id = ?1"
                        + " and active order by municipality")
                .setParameter(1, UUID.fromString(sessionId))
                .getResultList();
    }

    /** The session's title in the programme calendar, when the comms service has it. */
    static Optional<String> title(String sessionId) {
        if (sessionId == null || sessionId.isBlank()) {
            return Optional.empty();
        }
        CalendarEntry entry =
                CalendarEntry.findById(CalendarEntry.uidOf(CalendarEntry.SESSION, UUID.fromString(sessionId)));
        return Optional.ofNullable(entry).map(e -> e.title);
    }
}
