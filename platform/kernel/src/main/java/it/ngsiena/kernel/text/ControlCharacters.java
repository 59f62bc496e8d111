package it.ngsiena.kernel.text;

import java.util.Locale;
import java.util.Optional;

/**
 * The one rule for control characters in what callers send: none of the C0 controls (U+0000 to U+001F)
 * nor DEL, except tab, line feed and carriage return in text that may run over several lines (prose).
 * PostgreSQL cannot store U+0000 at all, and the others break feeds, calendars and mail headers.
 */
public final class ControlCharacters {

    private ControlCharacters() {}

    /** The first control character that {@code text} may not hold, as {@code U+0000}; empty when there is none. */
    public static Optional<String> forbiddenIn(String text, boolean prose) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if ((c < 0x20 || c == 0x7f) && !(prose && (c == '\t' || c == '\n' || c == '\r'))) {
                return Optional.of(String.format(Locale.ROOT, "U+%04X", (int) c));
            }
        }
        return Optional.empty();
    }
}
