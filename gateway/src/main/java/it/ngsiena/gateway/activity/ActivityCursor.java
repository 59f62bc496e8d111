package it.ngsiena.gateway.activity;

import it.ngsiena.kernel.problem.Problem;
import it.ngsiena.kernel.problem.ProblemException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;

/** Position in the feed after a given event: its time and arrival sequence, as an opaque token. */
public record ActivityCursor(OffsetDateTime time, long seq) {

    public String encode() {
        long micros = ChronoUnit.MICROS.between(Instant.EPOCH, time.toInstant());
        return Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString((micros + ":" + seq).getBytes(StandardCharsets.US_ASCII));
    }

    public static ActivityCursor decode(String token) {
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.US_ASCII).split(":");
            Instant instant = Instant.EPOCH.plus(Long.parseLong(parts[0]), ChronoUnit.MICROS);
            return new ActivityCursor(instant.atOffset(ZoneOffset.UTC), Long.parseLong(parts[1]));
        } catch (RuntimeException e) {
            throw ProblemException.invalid(
                    List.of(new Problem.Violation("cursor", "is not a cursor returned by this feed")));
        }
    }
}
