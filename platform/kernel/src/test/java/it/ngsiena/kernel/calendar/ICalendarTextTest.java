package it.ngsiena.kernel.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** TEXT values of iCalendar streams: whatever a title holds, it stays on its content line. */
class ICalendarTextTest {

    @Test
    void lineBreaksOfEveryKindAreEscapedAndControlCharactersDropped() {
        assertThat(ICalendarWriter.text("A\r\nB\rC\nD")).isEqualTo("A\\nB\\nC\\nD");
        assertThat(ICalendarWriter.text("Sala\u0007 1\u001b;\u0000 piano,\tterra\\"))
                .isEqualTo("Sala 1\\; piano\\,\tterra\\\\");
    }
}
