package it.ngsiena.gateway.activity;

/**
 * What the projector fires when it stores entries in the feed; observed after the storing transaction has
 * committed by those who follow the feed ({@link FeedTail} for the live streams, the webhook deliveries,
 * the figures' cache), so that they look at once instead of at their next periodic look.
 */
public final class NewActivity {

    private NewActivity() {}

    /** Entries were stored (the last one named). */
    public record Stored(String eventId) {}
}
