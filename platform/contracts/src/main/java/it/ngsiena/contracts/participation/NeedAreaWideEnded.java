package it.ngsiena.contracts.participation;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * A need that was area-wide fell below the threshold: an endorsement was withdrawn. Together with
 * {@link NeedBecameAreaWide} it tells whether a need is area-wide now (the later of the two).
 */
public record NeedAreaWideEnded(
        UUID needId, List<String> municipalities, List<String> endorsers, int threshold, OffsetDateTime at) {

    public static final String TYPE = "it.ngsiena.participation.need.area-wide-ended.v1";
}
