package it.ngsiena.training.participant;

import static it.ngsiena.kernel.persistence.AuditedEntity.now;

import it.ngsiena.contracts.Visibility;
import it.ngsiena.contracts.Workstream;
import it.ngsiena.contracts.training.ParticipantErased;
import it.ngsiena.kernel.http.ETags;
import it.ngsiena.kernel.http.IdempotentCreates;
import it.ngsiena.kernel.mail.MailQueue;
import it.ngsiena.kernel.municipality.MunicipalityRegistry;
import it.ngsiena.kernel.outbox.Outbox;
import it.ngsiena.kernel.paging.Page;
import it.ngsiena.kernel.paging.PageRequest;
import it.ngsiena.kernel.paging.PagedQuery;
import it.ngsiena.kernel.paging.Where;
import it.ngsiena.kernel.problem.ProblemException;
import it.ngsiena.kernel.security.Caller;
import it.ngsiena.kernel.security.LinkTokens;
import it.ngsiena.kernel.security.Roles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * Participants and who may see their personal data: the training partner, the programme admin and
 * officers of the participant's municipality. Anyone else gets 404 for the object (existence does not
 * leak) and lists without personal fields.
 */
@ApplicationScoped
public class ParticipantService {

    private final MunicipalityRegistry municipalities;
    private final Caller caller;
    private final IdempotentCreates creates;
    private final Outbox outbox;
    private final MailQueue mails;

    ParticipantService(
            MunicipalityRegistry municipalities,
            Caller caller,
            IdempotentCreates creates,
            Outbox outbox,
            MailQueue mails) {
        this.mails = mails;
        this.municipalities = municipalities;
        this.caller = caller;
        this.creates = creates;
        this.outbox = outbox;
    }

    /**
     * Whether the caller may see the personal data of a participant of that municipality: the rule of the
     * events that name a participant ({@link Visibility#PERSONAL}), which the gateway applies as well.
     */
    public boolean maySee(String municipality) {
        return caller.maySee(Visibility.PERSONAL, Workstream.TRAINING, List.of(municipality), null);
    }

    public ParticipantResponse view(Participant p) {
        return maySee(p.municipality) ? ParticipantResponse.full(p) : ParticipantResponse.anonymous(p);
    }

    /** A participant whose personal data the caller may see; 404 otherwise. */
    public Participant get(UUID id) {
        Participant p = Participant.findById(id);
        if (p == null || !maySee(p.municipality)) {
            throw ProblemException.notFound("Participant", id);
        }
        return p;
    }

    public Page<Participant> list(String municipality, ParticipantRole role, PageRequest paging) {
        Where where = new Where().and("municipality = :m", "m", municipality).and("role = :r", "r", role);
        return PagedQuery.find(Participant.class, where, "order by municipality, createdAt, id", paging);
    }

    /** The partner and the admin register anyone; an officer only people of their own municipality. */
    @Transactional
    public Participant create(ParticipantRequest request) {
        Participant p = new Participant();
        p.id = UUID.randomUUID();
        p.createdAt = now();
        p.mailToken = LinkTokens.random();
        apply(p, request);
        p.persist();
        return p;
    }

    /** Replaces a participant's data (If-Match required); moving them needs rights on both municipalities. */
    @Transactional
    public Participant replace(UUID id, ParticipantRequest request, String ifMatch) {
        Participant p = get(id);
        ETags.requireMatch(ifMatch, p.version);
        if (p.erasedAt != null) {
            throw ProblemException.conflict(
                    "This participant's personal data was erased and cannot be edited",
                    Map.of("erasedAt", p.erasedAt.toString()));
        }
        apply(p, request);
        Participant.flush();
        return p;
    }

    /**
     * Erases a participant's identifying data on request, and tells the platform once
     * ({@link ParticipantErased}: the gateway and webhook receivers erase their copies). Repeating it
     * changes nothing; their hours and certificates keep counting in the reports under their id and
     * municipality, an id that no longer leads to a person.
     */
    @Transactional
    public void erase(UUID id) {
        Participant p = get(id);
        if (p.erasedAt == null) {
            mails.forget(p.email); // nothing waiting is sent, and no copy of what was sent is kept
            p.erase(now());
            String hash = ParticipantErased.sha256Of(p.id);
            // the hash is the subject (and record key) too: the id itself appears nowhere in the event
            outbox.append(hash, new ParticipantErased(hash, p.municipality, p.erasedAt), p.erasedAt);
        }
        // the stored first response of their registration holds what was just erased
        creates.forgetResource("/v1/training/participants/" + id);
    }

    private void apply(Participant p, ParticipantRequest request) {
        municipalities.requireKnown(List.of(request.municipality()), "municipality");
        if (!caller.hasAnyRole(Roles.TRAINING_PARTNER, Roles.PROGRAMME_ADMIN)
                && !caller.isOfficerOfAny(List.of(request.municipality()))) {
            throw ProblemException.forbidden("A municipality officer registers only people of their own municipality");
        }
        String email = request.email().strip().toLowerCase(Locale.ROOT);
        if (Participant.count("email = ?1 and id <> ?2", email, p.id) > 0) {
            throw ProblemException.conflict("A participant with this e-mail is already registered", Map.of());
        }
        p.givenName = request.givenName().strip();
        p.familyName = request.familyName().strip();
        p.email = email;
        p.municipality = request.municipality();
        p.role = request.role();
        p.office = request.office();
        p.updatedAt = now();
    }
}
