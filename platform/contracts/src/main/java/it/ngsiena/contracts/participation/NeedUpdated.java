package it.ngsiena.contracts.participation;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** A need's text or theme was edited. */
public record NeedUpdated(
        UUID needId, String title, String theme, List<String> municipalities, long version, OffsetDateTime updatedAt) {

    public static final String TYPE = "it.ngsiena.participation.need.updated.v1";
}
