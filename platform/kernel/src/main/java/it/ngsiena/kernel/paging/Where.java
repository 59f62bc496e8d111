package it.ngsiena.kernel.paging;

import io.quarkus.panache.common.Parameters;
import java.util.ArrayList;
import java.util.List;

/**
 * The conditions of a list query, each added only when its filter was given: the one way the services build
 * a query from optional filters. Conditions are HQL naming their parameters ({@code :name}).
 */
public final class Where {

    private final List<String> conditions = new ArrayList<>();
    private final Parameters params = new Parameters();

    /** Adds {@code condition} with {@code :name} bound to {@code value}, if the value is not null. */
    public Where and(String condition, String name, Object value) {
        if (value != null) {
            always(condition, name, value);
        }
        return this;
    }

    /** Adds {@code condition} with {@code :name} bound to {@code value}, whatever the filters. */
    public Where always(String condition, String name, Object value) {
        conditions.add(condition);
        params.and(name, value);
        return this;
    }

    /** Adds {@code condition} with two parameters, whatever the filters (e.g. a cursor's time and position). */
    public Where always(String condition, String name, Object value, String name2, Object value2) {
        always(condition, name, value);
        params.and(name2, value2);
        return this;
    }

    /** The conditions joined with {@code and}; empty when there are none. */
    public String condition() {
        return String.join(" and ", conditions);
    }

    /** The conditions and then {@code orderBy}, in Panache's shorthand (no {@code from}, no {@code where}). */
    public String query(String orderBy) {
        return conditions.isEmpty() ? orderBy : condition() + " " + orderBy;
    }

    public Parameters params() {
        return params;
    }
}
