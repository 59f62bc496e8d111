package it.ngsiena.gateway.activity;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;

/**
 * Tells the live streams that the feed has new entries, as soon as the transaction that stored them
 * has committed, so that a stream client sees an event without waiting for its next look.
 */
@ApplicationScoped
public class NewActivity {

    /** Fired by the projector when it stores entries in the feed (the last one named). */
    public record Stored(String eventId) {}

    private final BroadcastProcessor<Long> signals = BroadcastProcessor.create();

    // synchronized: the processor's onNext must not be called from two threads at once
    synchronized void committed(@Observes(during = TransactionPhase.AFTER_SUCCESS) Stored stored) {
        signals.onNext(System.nanoTime());
    }

    /** A hot stream with one item per committed batch of entries, from the moment of subscription. */
    Multi<Long> signals() {
        return signals;
    }
}
