package it.ngsiena.comms.notification;

import io.quarkus.test.Mock;
import it.ngsiena.kernel.directory.Account;
import it.ngsiena.kernel.directory.Directory;
import it.ngsiena.kernel.directory.Person;
import it.ngsiena.kernel.security.Roles;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The demo realm's people, as Keycloak's directory would list them, for the comms service's own tests (no realm
 * runs there). Named by the user names the tests sign in with, which stand for subjects under @TestSecurity. The
 * real directory is read in the end-to-end tests (NotificationsE2ETest).
 */
@Mock
@ApplicationScoped
public class TestDirectory implements Directory {

    static final List<Person> PEOPLE = List.of(
            person("officer-siena", Set.of(Roles.MUNICIPALITY_OFFICER), "052032"),
            person("officer-montepulciano", Set.of(Roles.MUNICIPALITY_OFFICER), "052015"),
            person("officer-chiusi", Set.of(Roles.MUNICIPALITY_OFFICER), "052011"),
            person("openimpact", Set.of(Roles.FEASIBILITY_PARTNER), null),
            person("euronike", Set.of(Roles.TRAINING_PARTNER), null),
            person("admin", Set.of(Roles.PROGRAMME_ADMIN), null));

    private static Person person(String user, Set<String> roles, String municipality) {
        Account account = new Account(user, true, roles, Optional.ofNullable(municipality));
        return new Person(user, user + "@demo.ngsiena.invalid", user, Optional.empty(), account.readerGrants());
    }

    @Override
    public Optional<Account> account(String subject) {
        return Optional.empty();
    }

    @Override
    public Optional<String> subjectOf(String username) {
        return Optional.of(username);
    }

    @Override
    public List<Person> people() {
        return PEOPLE;
    }
}
