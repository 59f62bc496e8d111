package it.ngsiena.contracts.participation;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** A workshop took place, with how many people attended (a count, no names). */
public record WorkshopHeld(
        UUID workshopId, String title, List<String> municipalities, int attendanceCount, OffsetDateTime heldAt) {

    public static final String TYPE = "it.ngsiena.participation.workshop.held.v1";
}
