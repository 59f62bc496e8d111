package it.ngsiena.contracts.participation;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * A municipality (or the participation partner) submitted a need. No personal data: the submitter
 * appears only as an organisation kind.
 *
 * @param needId         the need's id, also the record key and the CloudEvents subject
 * @param title          the need's title
 * @param theme          theme code of the participation taxonomy
 * @param municipalities ISTAT codes of the municipalities the need concerns
 * @param origin         WORKSHOP, ONLINE or SURVEY
 * @param submittedAt    when the need was stored (UTC)
 */
public record NeedSubmitted(
        UUID needId,
        String title,
        String theme,
        List<String> municipalities,
        String origin,
        OffsetDateTime submittedAt) {

    public static final String TYPE = "it.ngsiena.participation.need.submitted.v1";
}
