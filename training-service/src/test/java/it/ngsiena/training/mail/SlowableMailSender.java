package it.ngsiena.training.mail;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.reactive.ReactiveMailer;
import io.quarkus.test.Mock;
import it.ngsiena.kernel.mail.MailSender;
import jakarta.inject.Singleton;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The real sender (real SMTP to GreenMail), made to take a while per mail when a test asks, so that a stop can
 * fall in the middle of a batch for certain. Without a delay it is the kernel's sender unchanged.
 */
@Mock
@Singleton
public class SlowableMailSender extends MailSender {

    static volatile Duration delay = Duration.ZERO;

    SlowableMailSender(ReactiveMailer mailer, @ConfigProperty(name = "ngs.mail.timeout") Duration timeout) {
        super(mailer, timeout);
    }

    @Override
    public void send(Mail mail) {
        if (!delay.isZero()) {
            try {
                Thread.sleep(delay.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        super.send(mail);
    }
}
