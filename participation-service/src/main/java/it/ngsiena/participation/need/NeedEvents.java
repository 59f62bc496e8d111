package it.ngsiena.participation.need;

import it.ngsiena.contracts.participation.EndorsementWithdrawn;
import it.ngsiena.contracts.participation.NeedAreaWideEnded;
import it.ngsiena.contracts.participation.NeedBecameAreaWide;
import it.ngsiena.contracts.participation.NeedEndorsed;
import it.ngsiena.contracts.participation.NeedPrioritised;
import it.ngsiena.contracts.participation.NeedRejected;
import it.ngsiena.contracts.participation.NeedStatusChanged;
import it.ngsiena.contracts.participation.NeedSubmitted;
import it.ngsiena.contracts.participation.NeedUpdated;
import it.ngsiena.kernel.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * Builds the events of a need from the entity and writes them to the outbox (never the entity itself). A
 * move's event is dated when the move happened ({@code at}: the caller's occurredAt, or the feasibility
 * event's time), which is when every figure counts it.
 */
@ApplicationScoped
public class NeedEvents {

    private final Outbox outbox;

    NeedEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    void submitted(Need n) {
        outbox.append(
                n.id,
                new NeedSubmitted(n.id, n.title, n.theme.name(), n.municipalities, n.origin.name(), n.submittedAt),
                n.submittedAt);
    }

    void updated(Need n) {
        outbox.append(n.id, new NeedUpdated(n.id, n.title, n.theme.name(), n.municipalities, n.version, n.updatedAt));
    }

    void statusChanged(Need n, NeedStatus from, OffsetDateTime at) {
        outbox.append(
                n.id,
                new NeedStatusChanged(n.id, from.name(), n.status.name(), n.municipalities, n.studyId, at, n.answer),
                at);
    }

    void prioritised(Need n, OffsetDateTime at) {
        outbox.append(n.id, new NeedPrioritised(n.id, n.title, n.theme.name(), n.municipalities, n.rationale, at), at);
    }

    void rejected(Need n, OffsetDateTime at) {
        outbox.append(n.id, new NeedRejected(n.id, n.municipalities, n.answer, at), at);
    }

    void endorsed(Need n, String municipality, OffsetDateTime at) {
        outbox.append(n.id, new NeedEndorsed(n.id, municipality, n.municipalities, List.copyOf(n.endorsers), at), at);
    }

    void endorsementWithdrawn(Need n, String municipality, OffsetDateTime at) {
        outbox.append(
                n.id, new EndorsementWithdrawn(n.id, municipality, n.municipalities, List.copyOf(n.endorsers), at), at);
    }

    void becameAreaWide(Need n, int threshold, OffsetDateTime at) {
        outbox.append(
                n.id, new NeedBecameAreaWide(n.id, n.municipalities, List.copyOf(n.endorsers), threshold, at), at);
    }

    void areaWideEnded(Need n, int threshold, OffsetDateTime at) {
        outbox.append(n.id, new NeedAreaWideEnded(n.id, n.municipalities, List.copyOf(n.endorsers), threshold, at), at);
    }

    /** A need that is area-wide from the start: it became so when it was collected. */
    void bornAreaWide(Need n, int threshold) {
        outbox.append(
                n.id,
                new NeedBecameAreaWide(n.id, n.municipalities, List.copyOf(n.endorsers), threshold, n.submittedAt),
                n.submittedAt);
    }
}
