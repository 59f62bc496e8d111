package it.ngsiena.kernel.time;

import it.ngsiena.kernel.problem.Problem;
import it.ngsiena.kernel.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * When something recorded after the fact really happened. A partner importing its 2022 records, or an
 * officer entering a workshop's needs a week later, says so in {@code occurredAt}; the record keeps
 * when it was received as well, and the event's time (CloudEvents {@code time}, which every read model
 * of the gateway counts by) is the time it happened. A claimed time must lie between the programme's
 * start ({@code ngs.programme.start}) and now (a minute ahead is allowed for clocks that run fast);
 * otherwise the request is a 422 naming the field.
 */
@ApplicationScoped
public class OccurredAt {

    /** What every request's occurredAt means, after "When it was ...," (one wording across the documents). */
    public static final String AFTERWARDS = "when recorded afterwards: not in the future, not before the programme's"
            + " start nor before what it follows; now when omitted. The event and every figure count it at this time";

    /** The same, on its own. */
    public static final String DESCRIPTION = "When it happened, " + AFTERWARDS;

    /** How far ahead of this server's clock a caller's clock may run. */
    static final Duration CLOCK_SKEW = Duration.ofMinutes(1);

    /** Where the programme's days are counted. */
    private static final ZoneId ITALY = ZoneId.of("Europe/Rome");

    private final OffsetDateTime programmeStart;
    private final Clock clock;

    @Inject
    OccurredAt(@ConfigProperty(name = "ngs.programme.start") OffsetDateTime programmeStart) {
        this(programmeStart, Clock.systemUTC());
    }

    OccurredAt(OffsetDateTime programmeStart, Clock clock) {
        this.programmeStart = programmeStart;
        this.clock = clock;
    }

    /** Now, as the platform stamps what it records (UTC, microseconds: what PostgreSQL keeps). */
    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
    }

    /** The time the caller says it happened, checked; now when the caller says nothing. */
    public OffsetDateTime orNow(String field, OffsetDateTime claimed) {
        OffsetDateTime now = now();
        if (claimed == null) {
            return now;
        }
        if (claimed.isAfter(now.plus(CLOCK_SKEW))) {
            throw refused(field, "must not be in the future");
        }
        if (claimed.isBefore(programmeStart)) {
            throw refused(field, "must not be before the programme's start (" + programmeStart + ")");
        }
        return claimed.withOffsetSameInstant(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
    }

    /**
     * The same, and, when the caller says when, not before {@code start} ({@code startName}, e.g. "the
     * session's start"): a session is held, a study completed, after it starts.
     */
    public OffsetDateTime orNow(String field, OffsetDateTime claimed, OffsetDateTime start, String startName) {
        OffsetDateTime when = orNow(field, claimed);
        if (claimed != null && start != null && when.isBefore(start)) {
            throw refused(field, "must not be before " + startName + " (" + start + ")");
        }
        return when;
    }

    /**
     * A day something was done on (a milestone reached), as the moment its event is dated: the start of that
     * day in Italy. Not a day after today there, not a day before the programme's start.
     */
    public OffsetDateTime onDay(String field, LocalDate day) {
        LocalDate today = LocalDate.now(clock.withZone(ITALY));
        if (day.isAfter(today)) {
            throw refused(field, "must not be in the future");
        }
        if (day.isBefore(programmeStart.atZoneSameInstant(ITALY).toLocalDate())) {
            throw refused(field, "must not be before the programme's start (" + programmeStart.toLocalDate() + ")");
        }
        return day.atStartOfDay(ITALY).toOffsetDateTime().withOffsetSameInstant(ZoneOffset.UTC);
    }

    private static ProblemException refused(String field, String message) {
        return ProblemException.unprocessable(
                "The time given for what happened is not possible", List.of(new Problem.Violation(field, message)));
    }
}
