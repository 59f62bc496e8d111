package it.ngsiena.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.ToIntFunction;

/**
 * An authorisation matrix test: every endpoint of a service against every kind of caller. The
 * subclass says what each endpoint should answer per column ({@link #matrix}), how to call it with fresh
 * fixtures ({@link #call}), and has one test per kind of caller, each run as that caller.
 */
public abstract class AuthorisationMatrix {

    /** Columns: the admin, the workstream's partner, another partner, an officer of the fixtures' municipality, an officer of another, a viewer, no token. */
    protected static final int ADMIN = 0;

    protected static final int PARTNER = 1;
    protected static final int OTHER_PARTNER = 2;
    protected static final int OFFICER = 3;
    protected static final int OTHER_OFFICER = 4;
    protected static final int VIEWER = 5;
    protected static final int ANONYMOUS = 6;

    /** Expected status per column, for each endpoint (a description such as {@code GET /needs/{id}}). */
    protected abstract Map<String, int[]> matrix();

    /** Calls the endpoint as the current caller, with fresh fixtures, and returns the status. */
    protected abstract int call(String endpoint);

    /** Every endpoint answers the current caller as the column says. */
    protected void assertColumn(int column) {
        assertColumn(row -> row[column]);
    }

    /** A token of the realm without any platform role: 403 wherever anonymous callers get 401, else as them. */
    protected void assertColumnOfATokenWithoutAPlatformRole() {
        assertColumn(row -> row[ANONYMOUS] == 401 ? 403 : row[ANONYMOUS]);
    }

    private void assertColumn(ToIntFunction<int[]> expectedOf) {
        List<String> wrong = new ArrayList<>();
        matrix().forEach((endpoint, row) -> {
            int expected = expectedOf.applyAsInt(row);
            int actual = call(endpoint);
            if (actual != expected) {
                wrong.add(endpoint + ": expected " + expected + ", got " + actual);
            }
        });
        assertThat(wrong).isEmpty();
    }
}
