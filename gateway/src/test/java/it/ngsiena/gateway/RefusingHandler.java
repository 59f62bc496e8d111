package it.ngsiena.gateway;

import it.ngsiena.kernel.events.IncomingEvent;
import it.ngsiena.kernel.inbox.EventHandler;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** A handler that fails every time on one made-up event type, as a handler with a bug would. */
@ApplicationScoped
public class RefusingHandler implements EventHandler {

    public static final String REFUSED_TYPE = "it.ngsiena.participation.test.always-refused.v1";
    /** Cleared by a test to play the bug fixed, before a replay. */
    public static final java.util.concurrent.atomic.AtomicBoolean REFUSING =
            new java.util.concurrent.atomic.AtomicBoolean(true);

    @Override
    public void handle(IncomingEvent event) {
        handleAll(List.of(event));
    }

    @Override
    public void handleAll(List<IncomingEvent> events) {
        if (REFUSING.get() && events.stream().anyMatch(e -> REFUSED_TYPE.equals(e.type()))) {
            throw new IllegalStateException("this handler always fails on " + REFUSED_TYPE);
        }
    }
}
