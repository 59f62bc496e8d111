package it.ngsiena.kernel.text;

/** Patterns for free text, written so that the API document's readers understand them as Java does. */
public final class Prose {

    /**
     * At least one character that is not white space, line breaks allowed. Unlike {@code (?s).*\S.*} it
     * means the same to Java (whole value) and to JSON Schema and JavaScript (anywhere in the value).
     */
    public static final String NOT_BLANK = "[\\s\\S]*\\S[\\s\\S]*";

    private Prose() {}
}
