package it.ngsiena.e2e;

import it.ngsiena.local.LocalPlatform;
import it.ngsiena.testkit.MailParts;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Store;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * A mailbox of the platform's mail server read over IMAP, as a mail program would (GreenMail: login = password =
 * address). Each mail is read whole while the folder is open: subject, Message-ID, the plain text and the calendar
 * file if one is attached.
 */
final class Mailbox {

    record Mail(String subject, String messageId, String text, String calendar) {}

    private Mailbox() {}

    static List<Mail> read(LocalPlatform platform, String address) throws Exception {
        Session session = Session.getInstance(new Properties());
        try (Store store = session.getStore("imap")) {
            store.connect("127.0.0.1", platform.imapPort(), address, address);
            Folder inbox = store.getFolder("INBOX");
            inbox.open(Folder.READ_ONLY);
            List<Mail> mails = new ArrayList<>();
            for (Message message : inbox.getMessages()) {
                MailParts.Read parts = MailParts.read(message);
                String[] ids = message.getHeader("Message-ID");
                mails.add(new Mail(message.getSubject(), ids == null ? null : ids[0], parts.text(), parts.calendar()));
            }
            inbox.close(false);
            return mails;
        } catch (AuthenticationFailedException e) {
            return List.of(); // no mail ever reached the address: the server knows no such user yet
        }
    }

    static List<String> subjects(LocalPlatform platform, String address) throws Exception {
        return read(platform, address).stream().map(Mail::subject).toList();
    }
}
