package it.ngsiena.testkit;

import jakarta.mail.Multipart;
import jakarta.mail.Part;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/** What a test reads of a received mail: its plain text, and the calendar file attached to it, if any. */
public final class MailParts {

    /** The plain-text parts, joined, and the text of the {@code text/calendar} part (null without one). */
    public record Read(String text, String calendar) {}

    private MailParts() {}

    public static Read read(Part mail) throws Exception {
        StringBuilder text = new StringBuilder();
        String[] calendar = {null};
        walk(mail, text, calendar);
        return new Read(text.toString(), calendar[0]);
    }

    private static void walk(Part part, StringBuilder text, String[] calendar) throws Exception {
        if (part.isMimeType("multipart/*")) {
            Multipart parts = (Multipart) part.getContent();
            for (int i = 0; i < parts.getCount(); i++) {
                walk(parts.getBodyPart(i), text, calendar);
            }
        } else if (part.isMimeType("text/calendar")) {
            try (InputStream in = part.getInputStream()) {
                calendar[0] = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
        } else if (part.isMimeType("text/plain")) {
            text.append(part.getContent());
        }
    }
}
