package it.ngsiena.contracts.comms;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A subscriber confirmed the newsletter (double opt-in): the id and the new count, never the address. */
public record SubscriberConfirmed(UUID subscriberId, long confirmedSubscribers, OffsetDateTime confirmedAt) {

    public static final String TYPE = "it.ngsiena.comms.subscriber.confirmed.v1";
}
