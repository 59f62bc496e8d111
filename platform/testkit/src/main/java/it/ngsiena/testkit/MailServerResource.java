package it.ngsiena.testkit;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import it.ngsiena.infra.Ports;
import java.util.Map;

/**
 * A real mail server (GreenMail) for the tests of the services that send mail: messages go over SMTP and are read
 * back over IMAP ({@link ImapMailbox}, {@link #imapPort()}).
 */
public class MailServerResource implements QuarkusTestResourceLifecycleManager {

    private static GreenMail server;

    public static GreenMail server() {
        return server;
    }

    public static int imapPort() {
        return server.getImap().getPort();
    }

    @Override
    public synchronized Map<String, String> start() {
        if (server == null) {
            server = new GreenMail(new ServerSetup[] {
                new ServerSetup(Ports.free(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP),
                new ServerSetup(Ports.free(), "127.0.0.1", ServerSetup.PROTOCOL_IMAP)
            });
            server.start();
        }
        return Map.of(
                "quarkus.mailer.host",
                "127.0.0.1",
                "quarkus.mailer.port",
                String.valueOf(server.getSmtp().getPort()));
    }

    @Override
    public synchronized void stop() {
        if (server != null) {
            server.stop();
            server = null;
        }
    }
}
