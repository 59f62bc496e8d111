package it.ngsiena.contracts.participation;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** A municipality not among the need's own supports it. {@code municipalities} are the need's own. */
public record NeedEndorsed(
        UUID needId,
        String municipality,
        List<String> municipalities,
        List<String> endorsers,
        OffsetDateTime endorsedAt) {

    public static final String TYPE = "it.ngsiena.participation.need.endorsed.v1";
}
