package it.ngsiena.kernel.mail;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.reactive.ReactiveMailer;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Sends one e-mail and waits a bounded time for the mail server: the blocking mailer waits for ever,
 * and a mail server that stops answering mid-conversation would hold the request (and its database
 * transaction) with it. A send that does not finish in time is tried once more on a new connection
 * (seen in CI: one conversation among several left unanswered, the next one fine); a second failure
 * fails like any other mail error.
 */
@ApplicationScoped
public class MailSender {

    private final ReactiveMailer mailer;
    private final Duration timeout;

    protected MailSender(
            ReactiveMailer mailer, @ConfigProperty(name = "ngs.mail.timeout", defaultValue = "10s") Duration timeout) {
        this.mailer = mailer;
        this.timeout = timeout;
    }

    /** @throws RuntimeException when the mail server refuses, fails or does not answer in time */
    public void send(Mail mail) {
        try {
            mailer.send(mail).await().atMost(timeout);
        } catch (io.smallrye.mutiny.TimeoutException e) {
            mailer.send(mail).await().atMost(timeout);
        }
    }
}
