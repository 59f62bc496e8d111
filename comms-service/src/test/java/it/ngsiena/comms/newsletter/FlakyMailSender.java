package it.ngsiena.comms.newsletter;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.reactive.ReactiveMailer;
import it.ngsiena.kernel.mail.MailSender;
import jakarta.annotation.Priority;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The real mail sender (GreenMail in the tests), which a test can make refuse one address once, as a
 * mail server that fails in the middle of a send would, or slow down.
 */
@Alternative
@Priority(1)
@Singleton
public class FlakyMailSender extends MailSender {

    /** Addresses whose next mail is refused, once each. */
    static final Set<String> FAIL_ONCE = ConcurrentHashMap.newKeySet();
    /** A pause before each mail. */
    static volatile Duration delay = Duration.ZERO;

    FlakyMailSender(ReactiveMailer mailer) {
        super(mailer, Duration.ofSeconds(5));
    }

    @Override
    public void send(Mail mail) {
        try {
            Thread.sleep(delay.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (mail.getTo().stream().anyMatch(FAIL_ONCE::remove)) {
            throw new IllegalStateException("the mail server refused the message (test)");
        }
        super.send(mail);
    }
}
