package it.ngsiena.contracts.programme;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * A municipality's membership of the programme was recorded or changed: all its periods as they are now,
 * each with its role (LEAD, MEMBER or OBSERVER). {@code municipalities} names the one municipality, as
 * every event that concerns municipalities does.
 */
public record MembershipChanged(
        String istatCode, List<String> municipalities, List<Period> periods, OffsetDateTime changedAt) {

    public static final String TYPE = "it.ngsiena.programme.membership.changed.v1";

    /** One period of participation; {@code leftOn} (exclusive) is null while it lasts. */
    public record Period(java.time.LocalDate joinedOn, java.time.LocalDate leftOn, String role) {}
}
