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
import it.ngsiena.kernel.problem.Problem;
import it.ngsiena.kernel.problem.ProblemException;
import it.ngsiena.kernel.time.OccurredAt;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
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
    public record Filter(
            String tag, String municipality, String language, UUID translationOf, AnnouncementStatus status) {}

    /** What a draft written from an event says, in one language. */
    public record Wording(String title, String body) {}

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
                .and("language = :language", "language", filter.language())
                .and("translationOf = :translationOf", "translationOf", filter.translationOf());
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
        a.translationOf = request.translationOf() == null ? null : originalFor(request.translationOf(), a.language);
        a.persist();
        drafted(a, occurredAt.orNow("occurredAt", request.occurredAt()));
        return a;
    }

    /**
     * Drafts for the editors written from another workstream's event, in Italian and in English (a translation
     * of the Italian one): once per source event, however often it is delivered (one per source event and
     * language), dated as that event ({@code at}). The Italian draft, if this delivery wrote it.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<Announcement> draftFromEvent(
            String sourceEventId,
            Wording italian,
            Wording english,
            List<String> tags,
            List<String> concerned,
            ItemReference reference,
            OffsetDateTime at) {
        if (Announcement.count("sourceEventId", sourceEventId) > 0) {
            return Optional.empty();
        }
        Announcement original = draftedFromEvent(sourceEventId, italian, "it", tags, concerned, reference, at);
        Announcement translation = draftedFromEvent(sourceEventId, english, "en", tags, concerned, reference, at);
        translation.translationOf = original.id;
        return Optional.of(original);
    }

    private Announcement draftedFromEvent(
            String sourceEventId,
            Wording wording,
            String language,
            List<String> tags,
            List<String> concerned,
            ItemReference reference,
            OffsetDateTime at) {
        Announcement a =
                newDraft(wording.title(), wording.body(), language, Audience.PUBLIC, concerned, List.of(reference));
        a.tags = List.copyOf(tags);
        a.sourceEventId = sourceEventId;
        a.persist();
        drafted(a, at);
        return a;
    }

    /**
     * The original a new announcement in {@code language} translates: the one named, or the one it translates
     * itself (translations hang off the original). 422 if there is none or it is in that language; 409 if
     * the original already has a translation in it.
     */
    private UUID originalFor(UUID named, String language) {
        Announcement found = Announcement.<Announcement>findByIdOptional(named)
                .orElseThrow(() -> ProblemException.unprocessable(
                        "translationOf names no announcement",
                        List.of(new Problem.Violation("translationOf", "no announcement with this id"))));
        Announcement original = found.translationOf == null ? found : found(found.translationOf);
        if (original.language.equals(language)) {
            throw ProblemException.unprocessable(
                    "a translation is in another language than its original",
                    List.of(new Problem.Violation("language", "must differ from the original's (" + language + ")")));
        }
        if (Announcement.count("translationOf = ?1 and language = ?2", original.id, language) > 0) {
            throw ProblemException.conflict(
                    "The announcement " + original.id + " already has a translation in " + language,
                    Map.of("translationOf", original.id.toString()));
        }
        return original.id;
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
