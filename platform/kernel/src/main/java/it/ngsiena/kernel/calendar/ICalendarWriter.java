package it.ngsiena.kernel.calendar;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * Writes events as an RFC 5545 iCalendar stream: CRLF line ends, lines folded at 75 octets, text escaped, times in
 * Europe/Rome with its VTIMEZONE, UIDs stable, SEQUENCE growing, and cancelled events kept with STATUS:CANCELLED so
 * that calendar programs remove them. The comms service's calendar feed and the training service's mail attachments
 * are both written here.
 */
public final class ICalendarWriter {

    /** One event; {@code status} CONFIRMED or CANCELLED, {@code location} optional. */
    public record Event(
            String uid,
            OffsetDateTime updatedAt,
            OffsetDateTime startsAt,
            OffsetDateTime endsAt,
            String title,
            String location,
            String category,
            String status,
            long sequence) {}

    public static final ZoneId ROME = ZoneId.of("Europe/Rome");
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss");
    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'");

    /** Central European time as the EU applies it: summer time from the last Sunday of March to that of October. */
    private static final List<String> ROME_TIMEZONE = List.of(
            "BEGIN:VTIMEZONE",
            "TZID:Europe/Rome",
            "BEGIN:DAYLIGHT",
            "TZOFFSETFROM:+0100",
            "TZOFFSETTO:+0200",
            "TZNAME:CEST",
            "DTSTART:19700329T020000",
            "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU",
            "END:DAYLIGHT",
            "BEGIN:STANDARD",
            "TZOFFSETFROM:+0200",
            "TZOFFSETTO:+0100",
            "TZNAME:CET",
            "DTSTART:19701025T030000",
            "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU",
            "END:STANDARD",
            "END:VTIMEZONE");

    private ICalendarWriter() {}

    /**
     * A published calendar (METHOD:PUBLISH: imported or subscribed to, no invitation to answer).
     *
     * @param name the calendar's name as programs show it
     */
    public static String write(String name, List<Event> events) {
        StringBuilder out = new StringBuilder();
        line(out, "BEGIN:VCALENDAR");
        line(out, "VERSION:2.0");
        line(out, "PRODID:-//Next Generation Siena//Programme calendar//IT");
        line(out, "CALSCALE:GREGORIAN");
        line(out, "METHOD:PUBLISH");
        line(out, "X-WR-CALNAME:" + text(name));
        line(out, "X-WR-TIMEZONE:Europe/Rome");
        ROME_TIMEZONE.forEach(l -> line(out, l));
        for (Event e : events) {
            line(out, "BEGIN:VEVENT");
            line(out, "UID:" + e.uid());
            line(out, "DTSTAMP:" + utc(e.updatedAt()));
            line(out, "LAST-MODIFIED:" + utc(e.updatedAt()));
            line(out, "DTSTART;TZID=Europe/Rome:" + rome(e.startsAt()));
            line(out, "DTEND;TZID=Europe/Rome:" + rome(e.endsAt()));
            line(out, "SUMMARY:" + text(e.title()));
            if (e.location() != null && !e.location().isBlank()) {
                line(out, "LOCATION:" + text(e.location()));
            }
            line(out, "CATEGORIES:" + text(e.category()));
            line(out, "STATUS:" + e.status());
            line(out, "SEQUENCE:" + e.sequence());
            line(out, "END:VEVENT");
        }
        line(out, "END:VCALENDAR");
        return out.toString();
    }

    private static String rome(OffsetDateTime t) {
        return LOCAL.format(t.atZoneSameInstant(ROME));
    }

    private static String utc(OffsetDateTime t) {
        return UTC.format(t.withOffsetSameInstant(ZoneOffset.UTC));
    }

    /**
     * TEXT values escape backslash, semicolon, comma and line breaks, a bare CR included (RFC 5545 §3.3.11); other
     * control characters, which TEXT may not hold, are dropped (tab stays).
     */
    static String text(String value) {
        return value.replace("\\", "\\\\")
                .replace(";", "\\;")
                .replace(",", "\\,")
                .replace("\r\n", "\\n")
                .replace("\r", "\\n")
                .replace("\n", "\\n")
                .replaceAll("[\\x00-\\x08\\x0B-\\x1F\\x7F]", "");
    }

    /** Appends a content line folded so that no physical line exceeds 75 octets (RFC 5545 §3.1). */
    static void line(StringBuilder out, String content) {
        int octets = 0;
        int i = 0;
        while (i < content.length()) {
            int codePoint = content.codePointAt(i);
            int size = new String(Character.toChars(codePoint)).getBytes(StandardCharsets.UTF_8).length;
            if (octets + size > 75) {
                out.append("\r\n ");
                octets = 1;
            }
            out.appendCodePoint(codePoint);
            octets += size;
            i += Character.charCount(codePoint);
        }
        out.append("\r\n");
    }
}
