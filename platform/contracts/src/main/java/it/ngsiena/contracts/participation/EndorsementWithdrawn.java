package it.ngsiena.contracts.participation;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** A municipality withdrew its endorsement of a need. */
public record EndorsementWithdrawn(
        UUID needId,
        String municipality,
        List<String> municipalities,
        List<String> endorsers,
        OffsetDateTime withdrawnAt) {

    public static final String TYPE = "it.ngsiena.participation.need.endorsement-withdrawn.v1";
}
