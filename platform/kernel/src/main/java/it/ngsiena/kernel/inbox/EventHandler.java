package it.ngsiena.kernel.inbox;

import it.ngsiena.kernel.events.IncomingEvent;
import java.util.List;

/**
 * Applies consumed events to a service's own state. Runs inside the transaction that also records
 * the event as handled, so a redelivered event is never applied twice. Throw
 * {@link it.ngsiena.kernel.events.MalformedEventException} for an event that can never be applied
 * (it goes to the DLQ); any other exception is retried, and after {@code ngs.events.consumer.max-attempts}
 * failures while the database answers the event goes to the DLQ too.
 */
public interface EventHandler {

    void handle(IncomingEvent event);

    /**
     * Applies events this consumer has not handled before (a whole poll, or one event retried on its
     * own), in the order they were read, in one transaction. A handler that can store many rows at once
     * overrides it.
     */
    default void handleAll(List<IncomingEvent> events) {
        events.forEach(this::handle);
    }
}
