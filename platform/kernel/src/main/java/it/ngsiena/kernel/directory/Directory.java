package it.ngsiena.kernel.directory;

import java.util.List;
import java.util.Optional;

/** The realm's accounts, looked up now (no cache: callers keep what they read for as long as they may). */
public interface Directory {

    /** The account with this subject; empty when there is none (deleted). */
    Optional<Account> account(String subject) throws Unavailable;

    /** The subject of the account with this user name, for records kept by name before subjects were. */
    Optional<String> subjectOf(String username) throws Unavailable;

    /**
     * Every enabled person with an e-mail address, with what each may read now (whom to notify). Service accounts
     * are not people and are left out.
     */
    List<Person> people() throws Unavailable;

    /** The directory could not be read: not configured, unreachable, or refusing the service's client. */
    final class Unavailable extends Exception {
        public Unavailable(String reason, Throwable cause) {
            super(reason, cause);
        }
    }
}
