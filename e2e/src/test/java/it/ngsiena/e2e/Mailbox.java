package it.ngsiena.e2e;

import it.ngsiena.local.LocalPlatform;
import it.ngsiena.testkit.ImapMailbox;
import java.util.List;

/** A mailbox of the platform's mail server, read over IMAP as a mail program would. */
final class Mailbox {

    private Mailbox() {}

    static List<ImapMailbox.Mail> read(LocalPlatform platform, String address) throws Exception {
        return ImapMailbox.read(platform.imapPort(), address);
    }

    static List<String> subjects(LocalPlatform platform, String address) throws Exception {
        return read(platform, address).stream().map(ImapMailbox.Mail::subject).toList();
    }
}
