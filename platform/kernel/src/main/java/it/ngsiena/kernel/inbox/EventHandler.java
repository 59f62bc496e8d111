package it.ngsiena.kernel.inbox;

import it.ngsiena.kernel.events.IncomingEvent;

/**
 * Applies consumed events to a service's own state. Runs inside the transaction that also records
 * the event as handled, so a redelivered event is never applied twice. Throw
 * {@link it.ngsiena.kernel.events.MalformedEventException} for an event that can never be applied
 * (it goes to the DLQ); any other exception is retried.
 */
public interface EventHandler {

    void handle(IncomingEvent event);
}
