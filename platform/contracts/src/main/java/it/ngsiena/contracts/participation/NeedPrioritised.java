package it.ngsiena.contracts.participation;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** A need was prioritised for a feasibility study; the feasibility workstream opens a study for it. */
public record NeedPrioritised(
        UUID needId,
        String title,
        String theme,
        List<String> municipalities,
        String rationale,
        OffsetDateTime prioritisedAt) {

    public static final String TYPE = "it.ngsiena.participation.need.prioritised.v1";
}
