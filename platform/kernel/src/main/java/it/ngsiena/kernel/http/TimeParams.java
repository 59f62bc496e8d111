package it.ngsiena.kernel.http;

import it.ngsiena.kernel.problem.Problem;
import it.ngsiena.kernel.problem.ProblemException;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/** Query parameters that carry a time: RFC 3339 with an offset; a bad one becomes a violation. */
public final class TimeParams {

    private TimeParams() {}

    /** The time, or null when absent or invalid (then a violation naming the field is added). */
    public static OffsetDateTime parse(String field, String value, List<Problem.Violation> violations) {
        if (value == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value);
        } catch (DateTimeParseException e) {
            violations.add(
                    new Problem.Violation(field, "must be an RFC 3339 time with offset, e.g. 2022-03-24T10:00:00Z"));
            return null;
        }
    }

    /** The query parameter {@code occurredAt} of a move recorded afterwards: null when absent, a 400 when bad. */
    public static OffsetDateTime occurredAt(String value) {
        List<Problem.Violation> violations = new ArrayList<>();
        OffsetDateTime when = parse("occurredAt", value, violations);
        if (!violations.isEmpty()) {
            throw ProblemException.invalid(violations);
        }
        return when;
    }
}
