package it.ngsiena.contracts;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Who may see an event, declared once per event type in {@link EventCatalog}. The rule follows what the
 * owning service shows to the same caller, and every read model, stream and export of the gateway
 * filters by it: a caller sees an event when {@link #readers} shares a name with their grants.
 */
public enum Visibility {

    /** What the programme tells the public: anyone, anonymous callers included. */
    PUBLIC,
    /** Every caller with a platform role (the participation service shows needs to all of them). */
    PLATFORM,
    /**
     * The admin, viewers, the four partners, and the officers of the municipalities the event names (a
     * feasibility study and its funding).
     */
    PARTNERS_AND_NAMED_MUNICIPALITIES,
    /**
     * Personal data: the admin, the owning workstream's partner, and the officers of the municipality the
     * event names (a participant's enrolments and certificates).
     */
    PERSONAL,
    /**
     * An announcement's audience: PUBLIC for anyone, MUNICIPALITIES for officers and viewers, PARTNERS
     * for the partners and viewers; always the comms partner and the admin. Without an audience: those two only.
     */
    AUDIENCE,
    /** The admin and the owning workstream's partner only (drafts, newsletters, subscriptions). */
    EDITORS,
    /**
     * A notice for one owner: the admin and the one reader the event is addressed to (its {@code addressedTo},
     * a {@link Readers} name such as {@code officer:052015}), e.g. a webhook subscription suspended.
     */
    ADDRESSED;

    /** The audiences of {@link #AUDIENCE}, as the comms service names them. */
    public static final String AUDIENCE_PUBLIC = "PUBLIC";

    public static final String AUDIENCE_MUNICIPALITIES = "MUNICIPALITIES";
    public static final String AUDIENCE_PARTNERS = "PARTNERS";

    /**
     * Who reads an event of this visibility, as {@link Readers} names.
     *
     * @param owner who publishes the event (a workstream's partner reads the events its workstream keeps to itself)
     * @param municipalities the municipalities the event names (ISTAT codes)
     * @param audience the announcement's audience for {@link #AUDIENCE}, the reader addressed for
     *                 {@link #ADDRESSED}; null otherwise
     */
    public Set<String> readers(EventSource owner, Collection<String> municipalities, String audience) {
        Set<String> readers = new LinkedHashSet<>();
        switch (this) {
            case PUBLIC -> readers.add(Readers.ANYONE);
            case PLATFORM -> readers.add(Readers.PLATFORM);
            case PARTNERS_AND_NAMED_MUNICIPALITIES -> {
                readers.add(Readers.ADMIN);
                readers.add(Readers.VIEWER);
                for (Workstream w : Workstream.values()) {
                    readers.add(Readers.partner(w));
                }
                municipalities.forEach(m -> readers.add(Readers.officer(m)));
            }
            case PERSONAL -> {
                readers.add(Readers.ADMIN);
                partnerOf(owner, readers);
                municipalities.forEach(m -> readers.add(Readers.officer(m)));
            }
            case AUDIENCE -> {
                readers.add(Readers.ADMIN);
                partnerOf(owner, readers);
                if (AUDIENCE_PUBLIC.equals(audience)) {
                    readers.add(Readers.ANYONE);
                } else if (AUDIENCE_MUNICIPALITIES.equals(audience)) {
                    readers.add(Readers.ANY_OFFICER);
                    readers.add(Readers.VIEWER);
                } else if (AUDIENCE_PARTNERS.equals(audience)) {
                    for (Workstream w : Workstream.values()) {
                        readers.add(Readers.partner(w));
                    }
                    readers.add(Readers.VIEWER);
                }
            }
            case EDITORS -> {
                readers.add(Readers.ADMIN);
                partnerOf(owner, readers);
            }
            case ADDRESSED -> {
                readers.add(Readers.ADMIN);
                if (audience != null && !audience.equals(Readers.ANYONE) && !audience.equals(Readers.PLATFORM)) {
                    readers.add(audience);
                }
            }
        }
        return readers;
    }

    /** The owning workstream's partner; the programme's own events have no partner. */
    private static void partnerOf(EventSource owner, Set<String> readers) {
        if (owner instanceof Workstream workstream) {
            readers.add(Readers.partner(workstream));
        }
    }

    /** Whether a caller with these grants (see {@link Readers}) reads an event of this visibility. */
    public boolean allows(Set<String> grants, EventSource owner, Collection<String> municipalities, String audience) {
        return readers(owner, municipalities, audience).stream().anyMatch(grants::contains);
    }
}
