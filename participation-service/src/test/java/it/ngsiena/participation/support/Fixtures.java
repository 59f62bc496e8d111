package it.ngsiena.participation.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import it.ngsiena.participation.need.Need;
import it.ngsiena.participation.need.NeedOrigin;
import it.ngsiena.participation.need.NeedStatus;
import it.ngsiena.participation.need.Theme;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Test data written straight to the database, and the events the service wrote to its outbox. */
@ApplicationScoped
public class Fixtures {

    public static final String SIENA = "052032";
    public static final String MONTEPULCIANO = "052015";
    public static final String PIENZA = "052021";
    public static final String CHIUSI = "052011";

    private final EntityManager em;
    private final ObjectMapper json = new ObjectMapper();

    Fixtures(EntityManager em) {
        this.em = em;
    }

    /** A need of the given municipalities, already in the given state. */
    public UUID need(NeedStatus status, String... municipalities) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Need need = Need.submit("Fixture " + status, "Descrizione di prova", Theme.MOBILITY, List.of(municipalities),
                    NeedOrigin.ONLINE, null, "Co-Design Toscana");
            need.status = status;
            em.persist(need);
            return need.id;
        });
    }

    public Need load(UUID id) {
        return QuarkusTransaction.requiringNew().call(() -> em.find(Need.class, id));
    }

    /** The events written for an aggregate, oldest first, as {@code {type, data}}. */
    public List<Event> events(UUID subject) {
        return QuarkusTransaction.requiringNew().call(() -> {
            List<Event> events = new ArrayList<>();
            @SuppressWarnings("unchecked")
            List<Object[]> rows = em.createNativeQuery(
                    "select event_type, cast(data as text) from outbox_event where subject = ?1 order by seq")
                    .setParameter(1, subject.toString()).getResultList();
            for (Object[] row : rows) {
                events.add(new Event((String) row[0], json.readTree((String) row[1])));
            }
            return events;
        });
    }

    public List<Event> events(UUID subject, String type) {
        return events(subject).stream().filter(e -> e.type().equals(type)).toList();
    }

    public record Event(String type, JsonNode data) {
    }
}
