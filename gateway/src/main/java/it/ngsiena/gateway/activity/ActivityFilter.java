package it.ngsiena.gateway.activity;

import it.ngsiena.contracts.EventSource;
import it.ngsiena.kernel.http.TimeParams;
import it.ngsiena.kernel.problem.Problem;
import it.ngsiena.kernel.problem.ProblemException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/** The feed's filters, checked; null (and no types) means "any". */
public record ActivityFilter(
        String municipality, String workstream, List<String> types, OffsetDateTime from, OffsetDateTime to) {

    public ActivityFilter {
        types = types == null ? List.of() : List.copyOf(types);
    }

    /** Events of any of these types (any type when empty), in these municipality and workstream (null: any). */
    public static ActivityFilter of(String municipality, String workstream, List<String> types) {
        return new ActivityFilter(municipality, workstream, types, null, null);
    }

    /** Whether a stored entry passes the filters (not the time range) and a caller with these grants may see it. */
    boolean admits(ActivityEntry entry, java.util.Set<String> grants) {
        return entry.readers.stream().anyMatch(grants::contains)
                && (municipality == null || entry.municipalities.contains(municipality))
                && (workstream == null || workstream.equals(entry.workstream))
                && (types.isEmpty() || types.contains(entry.type));
    }

    public static ActivityFilter parse(String municipality, String workstream, String type, String from, String to) {
        List<Problem.Violation> violations = new ArrayList<>();
        if (municipality != null && !municipality.matches("\\d{6}")) {
            violations.add(new Problem.Violation("municipality", "must be a 6-digit ISTAT code"));
        }
        if (workstream != null && EventSource.fromId(workstream).isEmpty()) {
            violations.add(new Problem.Violation(
                    "workstream", "must be training, participation, feasibility, comms or programme"));
        }
        OffsetDateTime fromTime = TimeParams.parse("from", from, violations);
        OffsetDateTime toTime = TimeParams.parse("to", to, violations);
        if (fromTime != null && toTime != null && !fromTime.isBefore(toTime)) {
            violations.add(new Problem.Violation("to", "must be after from"));
        }
        if (!violations.isEmpty()) {
            throw ProblemException.invalid(violations);
        }
        return new ActivityFilter(municipality, workstream, type == null ? List.of() : List.of(type), fromTime, toTime);
    }
}
