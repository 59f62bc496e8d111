package it.ngsiena.kernel.inbox;

import it.ngsiena.contracts.EventCatalog;
import it.ngsiena.kernel.events.IncomingEvent;
import java.util.HashMap;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * An event handler written per payload record: the subclass says in its constructor what it does with the
 * events it cares about ({@code on(NeedPrioritised.class, this::prioritised)}); the others are none of its
 * business and pass. Types come from the event catalogue, so a handler never names a type as a string.
 */
public abstract class TypedEventHandler implements EventHandler {

    private final Map<String, Consumer<IncomingEvent>> byType = new HashMap<>();
    private final EventCatalog catalog;

    /** A handler of the platform's event types. */
    protected TypedEventHandler() {
        this(EventCatalog.PLATFORM);
    }

    /** A handler of the types of another catalogue (a test's, with a type of its own). */
    protected TypedEventHandler(EventCatalog catalog) {
        this.catalog = catalog;
    }

    /** What to do with each event whose payload is a {@code payload} record. */
    protected <P extends Record> void on(Class<P> payload, BiConsumer<IncomingEvent, P> action) {
        byType.put(catalog.require(payload).name(), event -> action.accept(event, event.dataAs(payload)));
    }

    @Override
    public void handle(IncomingEvent event) {
        Consumer<IncomingEvent> action = byType.get(event.type());
        if (action != null) {
            action.accept(event);
        }
    }
}
