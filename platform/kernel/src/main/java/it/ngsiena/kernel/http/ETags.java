package it.ngsiena.kernel.http;

import it.ngsiena.kernel.persistence.AuditedEntity;
import it.ngsiena.kernel.problem.ProblemException;
import jakarta.ws.rs.core.EntityTag;

/**
 * Entity tags from an aggregate's version. Reads send {@code ETag}; updates must send it back in
 * {@code If-Match}: a missing one is 428, a stale one 412, so no update is ever lost.
 */
public final class ETags {

    private ETags() {}

    public static EntityTag of(long version) {
        return new EntityTag(Long.toString(version));
    }

    /**
     * The aggregate, after an optional {@code If-Match} (null: not sent) was checked against its version: a
     * lifecycle move (publish, cancel, hold...) may name the version its client saw, and is refused (412) if
     * that is not the current one.
     */
    public static <E extends AuditedEntity> E ifMatching(E aggregate, String ifMatch) {
        if (ifMatch != null) {
            requireMatch(ifMatch, aggregate.version);
        }
        return aggregate;
    }

    /** Checks an {@code If-Match} header against the current version. */
    public static void requireMatch(String ifMatch, long currentVersion) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw ProblemException.of(
                    428,
                    "precondition-required",
                    "Precondition required",
                    "Send the ETag of the version you read in an If-Match header");
        }
        String current = Long.toString(currentVersion);
        for (String candidate : ifMatch.split(",")) {
            String tag = candidate.trim();
            if (tag.equals("*")) {
                return;
            }
            if (tag.startsWith("W/")) {
                tag = tag.substring(2);
            }
            if (tag.length() >= 2 && tag.startsWith("\"") && tag.endsWith("\"")) {
                tag = tag.substring(1, tag.length() - 1);
            }
            if (tag.equals(current)) {
                return;
            }
        }
        throw ProblemException.of(
                412,
                "precondition-failed",
                "Precondition failed",
                "The resource has changed since you read it (current ETag \"" + current + "\"); read it again");
    }
}
