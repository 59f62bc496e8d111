package it.ngsiena.testkit;

import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.Folder;
import jakarta.mail.Header;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Store;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * A mailbox read over IMAP, as a mail program reads it (GreenMail: login = password = address). Each mail is read
 * whole while the folder is open: its subject, headers, plain text and attached calendar file.
 */
public final class ImapMailbox {

    /** One mail as read. */
    public record Mail(String subject, Map<String, List<String>> headers, String text, String calendar) {

        /** The values of a header (none: an empty list). */
        public List<String> header(String name) {
            return headers.getOrDefault(name.toLowerCase(java.util.Locale.ROOT), List.of());
        }
    }

    private ImapMailbox() {}

    /** Every mail in the address's inbox, oldest first; none while nothing was ever sent to it. */
    public static List<Mail> read(int imapPort, String address) throws Exception {
        Session session = Session.getInstance(new Properties());
        try (Store store = session.getStore("imap")) {
            store.connect("127.0.0.1", imapPort, address, address);
            Folder inbox = store.getFolder("INBOX");
            inbox.open(Folder.READ_ONLY);
            List<Mail> mails = new ArrayList<>();
            for (Message message : inbox.getMessages()) {
                Map<String, List<String>> headers = new LinkedHashMap<>();
                for (Header h : Collections.list(message.getAllHeaders())) {
                    headers.computeIfAbsent(h.getName().toLowerCase(java.util.Locale.ROOT), k -> new ArrayList<>())
                            .add(h.getValue());
                }
                MailParts.Read parts = MailParts.read(message);
                mails.add(new Mail(message.getSubject(), headers, parts.text(), parts.calendar()));
            }
            inbox.close(false);
            return mails;
        } catch (AuthenticationFailedException e) {
            return List.of(); // the server creates a mailbox with the first mail to it
        }
    }
}
