package it.ngsiena.gateway.audit;

import com.fasterxml.jackson.databind.ObjectMapper;
import it.ngsiena.gateway.activity.ActivityCursor;
import it.ngsiena.gateway.activity.ActivityEntry;
import it.ngsiena.gateway.activity.ActivityFilter;
import it.ngsiena.gateway.routing.PublicUrl;
import it.ngsiena.kernel.paging.Where;
import it.ngsiena.kernel.problem.Problem;
import it.ngsiena.kernel.problem.ProblemException;
import it.ngsiena.kernel.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.UUID;

/**
 * Who did what to the platform's records, read from the activity feed, where every event keeps its actor:
 * one record's history, oldest first, in the events its reader may see; the admin's whole audit feed,
 * newest first.
 */
@ApplicationScoped
public class AuditTrail {

    static final String TAG = "Who did what and when: every event keeps the account, client and roles that caused it";

    static final String HISTORY = "Every move recorded about the record, oldest first, each with who made it (the"
            + " account id, client and roles of the token that asked, or system when the platform moved by itself),"
            + " when it happened and the event's data. Each caller sees the events they may see in the activity"
            + " feed (see listActivity), so a record's history reaches the roles that may read the record; account"
            + " ids only reach callers with a role of the platform.";

    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 100;

    private final EntityManager em;
    private final ObjectMapper json;
    private final PublicUrl publicUrl;

    AuditTrail(EntityManager em, ObjectMapper json, PublicUrl publicUrl) {
        this.em = em;
        this.json = json;
        this.publicUrl = publicUrl;
    }

    /**
     * The history of the record {@code id} of a workstream: the events about it (its CloudEvents subject) the
     * caller may see, as the feed shows them; 404 when there is none. Account ids only to callers with a
     * platform role.
     */
    public Response history(
            String workstream, String what, UUID id, Caller caller, String cursor, Integer limit, UriInfo uri) {
        int size = size(limit);
        Where where = new Where()
                .always("a.subject = :subject", "subject", id.toString())
                .always("a.workstream = :workstream", "workstream", workstream)
                .always(
                        "array_intersects(a.readers, :grants)",
                        "grants",
                        caller.personalGrants().toArray(String[]::new));
        if (cursor != null) {
            ActivityCursor after = ActivityCursor.decode(cursor);
            where.always(
                    "(a.occurredAt > :afterTime or (a.occurredAt = :afterTime and a.seq > :afterSeq))",
                    "afterTime",
                    after.time(),
                    "afterSeq",
                    after.seq());
        }
        List<ActivityEntry> entries = read(where, "a.occurredAt, a.seq", size);
        if (entries.isEmpty() && cursor == null) {
            throw ProblemException.notFound(what, id);
        }
        return page(entries, size, caller.hasPlatformRole(), uri);
    }

    /** The audit feed: every event of the platform, newest first, by actor (account id), workstream, type, time. */
    public Response feed(String actor, ActivityFilter filter, String cursor, Integer limit, UriInfo uri) {
        int size = size(limit);
        Where where = new Where()
                .and("a.actorSubject = :actor", "actor", actor)
                .and("a.workstream = :workstream", "workstream", filter.workstream())
                .and("a.type in :types", "types", filter.types().isEmpty() ? null : filter.types())
                .and("a.occurredAt >= :from", "from", filter.from())
                .and("a.occurredAt < :to", "to", filter.to());
        if (cursor != null) {
            ActivityCursor after = ActivityCursor.decode(cursor);
            where.always(
                    "(a.occurredAt < :afterTime or (a.occurredAt = :afterTime and a.seq < :afterSeq))",
                    "afterTime",
                    after.time(),
                    "afterSeq",
                    after.seq());
        }
        return page(read(where, "a.occurredAt desc, a.seq desc", size), size, true, uri);
    }

    private List<ActivityEntry> read(Where where, String order, int size) {
        String condition = where.condition().isEmpty() ? "" : " where " + where.condition();
        var query =
                em.createQuery("select a from ActivityEntry a" + condition + " order by " + order, ActivityEntry.class);
        where.params().map().forEach(query::setParameter);
        return query.setMaxResults(size + 1).getResultList();
    }

    /** The page of the first {@code size} entries, with a cursor and a Link to the next when there are more. */
    private Response page(List<ActivityEntry> entries, int size, boolean showSubjects, UriInfo uri) {
        boolean more = entries.size() > size;
        List<ActivityEntry> shown = more ? entries.subList(0, size) : entries;
        String next = null;
        if (more) {
            ActivityEntry last = shown.get(shown.size() - 1);
            next = new ActivityCursor(last.occurredAt, last.seq).encode();
        }
        Response.ResponseBuilder response = Response.ok(new AuditPage(
                shown.stream().map(e -> AuditEntry.of(e, showSubjects, json)).toList(), next));
        if (next != null) {
            response.links(publicUrl.nextPage(uri, next));
        }
        return response.build();
    }

    private static int size(Integer limit) {
        int size = limit == null ? DEFAULT_LIMIT : limit;
        if (size < 1 || size > MAX_LIMIT) {
            throw ProblemException.invalid(
                    List.of(new Problem.Violation("limit", "must be between 1 and " + MAX_LIMIT)));
        }
        return size;
    }
}
