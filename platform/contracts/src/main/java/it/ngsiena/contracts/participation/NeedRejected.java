package it.ngsiena.contracts.participation;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** A need was rejected, with the answer given to the municipalities. */
public record NeedRejected(UUID needId, List<String> municipalities, String answer, OffsetDateTime rejectedAt) {

    public static final String TYPE = "it.ngsiena.participation.need.rejected.v1";
}
