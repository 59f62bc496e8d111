package it.ngsiena.contracts.comms;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A subscriber left the newsletter: the id and the new count, never the address. */
public record SubscriberUnsubscribed(UUID subscriberId, long confirmedSubscribers, OffsetDateTime unsubscribedAt) {

    public static final String TYPE = "it.ngsiena.comms.subscriber.unsubscribed.v1";
}
