package it.ngsiena.comms.announcement;

import static it.ngsiena.kernel.persistence.AuditedEntity.now;

import it.ngsiena.contracts.comms.AnnouncementArchived;
import it.ngsiena.contracts.comms.AnnouncementDrafted;
import it.ngsiena.contracts.comms.AnnouncementPublished;
import it.ngsiena.contracts.comms.ItemReference;
import it.ngsiena.kernel.http.ETags;
import it.ngsiena.kernel.municipality.MunicipalityRegistry;
import it.ngsiena.kernel.outbox.Outbox;
import it.ngsiena.kernel.paging.Page;
import it.ngsiena.kernel.paging.PageRequest;
import it.ngsiena.kernel.paging.PagedQuery;
import it.ngsiena.kernel.paging.Where;
import it.ngsiena.kernel.problem.ProblemException;
import it.ngsiena.kernel.time.OccurredAt;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** Announcements: written or drafted from events, edited, published, archived. */
@ApplicationScoped
public class AnnouncementService {

    private final MunicipalityRegistry municipalities;
    private final Outbox outbox;

    private final OccurredAt occurredAt;

    AnnouncementService(MunicipalityRegistry municipalities, Outbox outbox, OccurredAt occurredAt) {
        this.occurredAt = occurredAt;
        this.municipalities = municipalities;
        this.outbox = outbox;
    }

    /** Filters of the list; null means "any". */
    public record Filter(String tag, String municipality, String language, AnnouncementStatus status) {}

    /** Newest first: by publication time for published ones, by creation for the rest. */
    public Page<Announcement> list(Filter filter, Set<Audience> audiences, boolean drafts, PageRequest paging) {
        Where where = new Where().always("audience in :audiences", "audiences", audiences);
        if (!drafts) {
            where.always("status = :published", "published", AnnouncementStatus.PUBLISHED);
        } else {
            where.and("status = :status", "status", filter.status());
        }
        where.and("array_contains(tags, :tag)", "tag", filter.tag())
                .and("array_contains(municipalities, :municipality)", "municipality", filter.municipality())
                .and("language = :language", "language", filter.language());
        return PagedQuery.find(Announcement.class, where, "order by coalesce(publishedAt, createdAt) desc, id", paging);
    }

    public Optional<Announcement> find(UUID id) {
        return Announcement.findByIdOptional(id);
    }

    @Transactional
    public Announcement write(AnnouncementRequests.Write request) {
        List<String> concerned = request.municipalities() == null ? List.of() : request.municipalities();
        municipalities.requireKnown(concerned, "municipalities");
        Announcement a = newDraft(
                request.title().strip(),
                request.body(),
                request.language(),
                request.audience(),
                concerned,
                references(request.references()));
        a.summary = request.summary();
        a.tags = request.tags() == null ? List.of() : List.copyOf(request.tags());
        a.persist();
        drafted(a, occurredAt.orNow("occurredAt", request.occurredAt()));
        return a;
    }

    /**
     * A draft in Italian for the editors, written from another workstream's event: once per source
     * event, however often it is delivered (the source event id is unique), dated as that event ({@code at}).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<Announcement> draftFromEvent(
            String sourceEventId,
            String title,
            String body,
            List<String> tags,
            List<String> concerned,
            ItemReference reference,
            OffsetDateTime at) {
        if (Announcement.count("sourceEventId", sourceEventId) > 0) {
            return Optional.empty();
        }
        Announcement a = newDraft(title, body, "it", Audience.PUBLIC, concerned, List.of(reference));
        a.tags = List.copyOf(tags);
        a.sourceEventId = sourceEventId;
        a.persist();
        drafted(a, at);
        return Optional.of(a);
    }

    @Transactional
    public Announcement edit(UUID id, AnnouncementRequests.Edit edit, String ifMatch) {
        Announcement a = found(id);
        ETags.requireMatch(ifMatch, a.version);
        a.requireEditable();
        if (edit.municipalities() != null) {
            municipalities.requireKnown(edit.municipalities(), "municipalities");
            a.municipalities = List.copyOf(edit.municipalities());
        }
        if (edit.title() != null) {
            a.title = edit.title().strip();
        }
        if (edit.summary() != null) {
            a.summary = edit.summary();
        }
        if (edit.body() != null) {
            a.body = edit.body();
        }
        if (edit.language() != null) {
            a.language = edit.language();
        }
        if (edit.audience() != null) {
            a.audience = edit.audience();
        }
        if (edit.tags() != null) {
            a.tags = List.copyOf(edit.tags());
        }
        if (edit.references() != null) {
            a.references = references(edit.references());
        }
        a.updatedAt = now();
        Announcement.flush();
        return a;
    }

    @Transactional
    public Announcement publish(UUID id, OffsetDateTime claimed, String ifMatch) {
        Announcement a = ETags.ifMatching(found(id), ifMatch);
        a.publish(occurredAt.orNow("occurredAt", claimed), now());
        Announcement.flush();
        outbox.append(
                a.id,
                new AnnouncementPublished(
                        a.id,
                        a.title,
                        a.summary,
                        a.language,
                        a.audience.name(),
                        a.tags,
                        a.municipalities,
                        a.references,
                        a.publishedAt),
                a.publishedAt);
        return a;
    }

    @Transactional
    public Announcement archive(UUID id, OffsetDateTime claimed, String ifMatch) {
        Announcement a = ETags.ifMatching(found(id), ifMatch);
        OffsetDateTime at = occurredAt.orNow("occurredAt", claimed, a.publishedAt, "its publication");
        a.archive(now());
        Announcement.flush();
        outbox.append(a.id, new AnnouncementArchived(a.id, a.audience.name(), a.municipalities, at), at);
        return a;
    }

    public Announcement found(UUID id) {
        return find(id).orElseThrow(() -> ProblemException.notFound("Announcement", id));
    }

    private void drafted(Announcement a, OffsetDateTime at) {
        outbox.append(
                a.id,
                new AnnouncementDrafted(
                        a.id,
                        a.title,
                        a.language,
                        a.audience.name(),
                        a.municipalities,
                        a.references,
                        a.sourceEventId,
                        at),
                at);
    }

    private static Announcement newDraft(
            String title,
            String body,
            String language,
            Audience audience,
            List<String> concerned,
            List<ItemReference> references) {
        Announcement a = new Announcement();
        a.id = UUID.randomUUID();
        a.title = title.length() > 200 ? title.substring(0, 200) : title;
        a.body = body;
        a.language = language;
        a.audience = audience;
        a.tags = List.of();
        a.municipalities = List.copyOf(concerned);
        a.references = List.copyOf(references);
        a.status = AnnouncementStatus.DRAFT;
        a.createdAt = now();
        a.updatedAt = a.createdAt;
        return a;
    }

    private static List<ItemReference> references(List<AnnouncementRequests.Reference> requested) {
        return requested == null
                ? List.of()
                : requested.stream()
                        .map(AnnouncementRequests.Reference::toContract)
                        .toList();
    }
}
