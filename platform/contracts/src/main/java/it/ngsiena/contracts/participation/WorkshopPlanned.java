package it.ngsiena.contracts.participation;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** A participatory workshop was planned (or rescheduled). The facilitator is not in the event. */
public record WorkshopPlanned(
        UUID workshopId,
        String title,
        OffsetDateTime startsAt,
        OffsetDateTime endsAt,
        String place,
        List<String> municipalities,
        long sequence) {

    public static final String TYPE = "it.ngsiena.participation.workshop.planned.v1";
}
