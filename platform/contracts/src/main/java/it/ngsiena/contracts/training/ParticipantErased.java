package it.ngsiena.contracts.training;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.UUID;

/**
 * A participant's identifying data was erased on request. The event names the participant by the SHA-256 of
 * their id ({@link #sha256Of}), never by the id itself, so the log gains no clear record of who was erased; a
 * consumer that kept the id (in enrolments, certificates) hashes it to find what it must erase too.
 */
public record ParticipantErased(String participantIdSha256, String municipality, OffsetDateTime erasedAt) {

    public static final String TYPE = "it.ngsiena.training.participant.erased.v1";

    /** The lower-case hex SHA-256 of the id's canonical text (lower-case, with hyphens) in UTF-8. */
    public static String sha256Of(UUID participantId) {
        return sha256Of(participantId.toString());
    }

    /** The same for an id as an event's data carries it. */
    public static String sha256Of(String participantId) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(participantId.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
