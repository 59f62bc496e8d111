package it.ngsiena.contracts;

/**
 * The names in which {@link Visibility} says who reads an event, and in which a caller's roles are
 * expressed ({@code it.ngsiena.kernel.security.Caller#readerGrants()}): a caller reads an event when
 * the two sets share a name. Stored with every row of the gateway's read models, so they never change
 * meaning; a new name is a new reader kind.
 */
public final class Readers {

    /** Everyone, anonymous callers included. */
    public static final String ANYONE = "public";
    /** Every caller with a role of the platform. */
    public static final String PLATFORM = "platform";

    public static final String ADMIN = "admin";
    public static final String VIEWER = "viewer";
    /** Any municipality officer, whatever their municipality. */
    public static final String ANY_OFFICER = "officer";

    private Readers() {}

    /** The partner running a workstream, e.g. {@code partner:training}. */
    public static String partner(Workstream workstream) {
        return "partner:" + workstream.id();
    }

    /** The officers of one municipality, e.g. {@code officer:052032}. */
    public static String officer(String istatCode) {
        return "officer:" + istatCode;
    }

    /**
     * One account, by its token subject (a pseudonymous id, never a name): the reader of a notice meant for
     * that account alone, e.g. its webhook subscription suspended.
     */
    public static String subject(String subject) {
        return "subject:" + subject;
    }
}
