package it.ngsiena.contracts.participation;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** A need's municipalities plus endorsers reached the area-wide threshold ("area vasta"). */
public record NeedBecameAreaWide(
        UUID needId, List<String> municipalities, List<String> endorsers, int threshold, OffsetDateTime at) {

    public static final String TYPE = "it.ngsiena.participation.need.area-wide.v1";
}
