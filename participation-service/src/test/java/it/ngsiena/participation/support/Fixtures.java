package it.ngsiena.participation.support;

import io.quarkus.narayana.jta.QuarkusTransaction;
import it.ngsiena.participation.need.Need;
import it.ngsiena.participation.need.NeedOrigin;
import it.ngsiena.participation.need.NeedStatus;
import it.ngsiena.participation.need.Theme;
import it.ngsiena.testkit.OutboxProbe;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
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

    Fixtures(EntityManager em) {
        this.em = em;
    }

    /** A need of the given municipalities, already in the given state. */
    public UUID need(NeedStatus status, String... municipalities) {
        return need(java.time.OffsetDateTime.now(java.time.ZoneOffset.UTC), status, municipalities);
    }

    /** The same, collected at {@code submittedAt} (a need of 2022 entered afterwards). */
    public UUID need(java.time.OffsetDateTime submittedAt, NeedStatus status, String... municipalities) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Need need = Need.submit(
                    "Fixture " + status,
                    "Descrizione di prova",
                    Theme.MOBILITY,
                    List.of(municipalities),
                    NeedOrigin.ONLINE,
                    null,
                    "Co-Design Toscana",
                    submittedAt);
            need.status = status;
            em.persist(need);
            return need.id;
        });
    }

    public Need load(UUID id) {
        return QuarkusTransaction.requiringNew().call(() -> em.find(Need.class, id));
    }

    /** The events written for an aggregate, oldest first. */
    public List<OutboxProbe.Event> events(UUID subject) {
        return OutboxProbe.events(subject);
    }

    public List<OutboxProbe.Event> events(UUID subject, String type) {
        return OutboxProbe.events(subject, type);
    }
}
