package it.ngsiena.gateway.reporting;

import it.ngsiena.kernel.problem.Problem;
import it.ngsiena.kernel.problem.ProblemException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A reporting period: the days from {@code from} to {@code to}, both included, in Europe/Rome (the
 * Province's days); open at an end that is not given. Figures count the events that happened in it, by their
 * true dates ({@code occurredAt}), not by when they were recorded.
 */
@Schema(name = "ReportingPeriod", description = "The days counted, both included (Europe/Rome); absent: open")
public record Period(
        @Schema(description = "First day counted", example = "2022-03-01")
        LocalDate from,

        @Schema(description = "Last day counted", example = "2022-06-30")
        LocalDate to) {

    public static final ZoneId ROME = ZoneId.of("Europe/Rome");

    /** Before anything the platform records: the start of an open period, for queries that always bound. */
    private static final OffsetDateTime BEFORE_ALL = OffsetDateTime.parse("1970-01-01T00:00:00Z");

    private static final OffsetDateTime AFTER_ALL = OffsetDateTime.parse("9999-01-01T00:00:00Z");

    /** The period of the query parameters {@code from} and {@code to} (400 naming the one that is wrong). */
    public static Period of(String from, String to) {
        List<Problem.Violation> violations = new ArrayList<>();
        LocalDate first = day("from", from, violations);
        LocalDate last = day("to", to, violations);
        if (violations.isEmpty() && first != null && last != null && last.isBefore(first)) {
            violations.add(new Problem.Violation("to", "must not be before from"));
        }
        if (!violations.isEmpty()) {
            throw ProblemException.invalid(violations);
        }
        return new Period(first, last);
    }

    private static LocalDate day(String name, String value, List<Problem.Violation> violations) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            violations.add(new Problem.Violation(name, "must be a date like 2022-03-24"));
            return null;
        }
    }

    /** The first instant counted: the start of {@code from} in Rome. */
    public OffsetDateTime start() {
        return from == null ? BEFORE_ALL : from.atStartOfDay(ROME).toOffsetDateTime();
    }

    /** The first instant no longer counted: the start of the day after {@code to} in Rome. */
    public OffsetDateTime end() {
        return to == null ? AFTER_ALL : to.plusDays(1).atStartOfDay(ROME).toOffsetDateTime();
    }

    /** What tells two periods apart in a cache key or an ETag. */
    public String key() {
        return from + ".." + to;
    }
}
