package it.ngsiena.comms.notification;

import it.ngsiena.kernel.directory.Directory;
import it.ngsiena.kernel.directory.Person;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The people who may be told things, read from Keycloak (never from events) and kept for a short while, so that a
 * burst of events asks the directory once; an account disabled or a role taken away counts after that while.
 */
@ApplicationScoped
public class Recipients {

    private final Directory directory;
    private final Duration keep;
    private List<Person> people;
    private Instant readAt = Instant.MIN;

    Recipients(
            Directory directory,
            @ConfigProperty(name = "ngs.notifications.directory-cache", defaultValue = "60s") Duration keep) {
        this.directory = directory;
        this.keep = keep;
    }

    /** @throws Directory.Unavailable when the directory cannot be read and nothing recent is kept */
    public synchronized List<Person> people() throws Directory.Unavailable {
        if (people == null || Instant.now().isAfter(readAt.plus(keep))) {
            people = directory.people();
            readAt = Instant.now();
        }
        return people;
    }
}
