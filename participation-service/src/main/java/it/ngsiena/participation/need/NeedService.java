package it.ngsiena.participation.need;

import it.ngsiena.kernel.http.ETags;
import it.ngsiena.kernel.municipality.MunicipalityRegistry;
import it.ngsiena.kernel.problem.Problem;
import it.ngsiena.kernel.problem.ProblemException;
import it.ngsiena.kernel.security.Caller;
import it.ngsiena.kernel.security.Roles;
import it.ngsiena.kernel.time.OccurredAt;
import it.ngsiena.participation.workshop.Workshop;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/** The rules of needs: who may do what to which need, the lifecycle, and the event of each change. */
@ApplicationScoped
public class NeedService {

    private static final Logger LOG = Logger.getLogger(NeedService.class);

    private final NeedRepository needs;
    private final MunicipalityRegistry municipalities;
    private final NeedEvents events;
    private final Caller caller;
    private final int areaWideThreshold;
    private final OccurredAt occurredAt;

    NeedService(
            NeedRepository needs,
            MunicipalityRegistry municipalities,
            NeedEvents events,
            Caller caller,
            @ConfigProperty(name = "ngs.participation.area-wide-threshold", defaultValue = "3") int areaWideThreshold,
            OccurredAt occurredAt) {
        this.needs = needs;
        this.municipalities = municipalities;
        this.events = events;
        this.caller = caller;
        this.areaWideThreshold = areaWideThreshold;
        this.occurredAt = occurredAt;
    }

    public int areaWideThreshold() {
        return areaWideThreshold;
    }

    public Need get(UUID id) {
        return needs.findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("Need", id));
    }

    /**
     * Stores a need and its "need submitted" event in one transaction. The partner and the admin
     * submit for any municipality; an officer only for needs that include their own municipality.
     */
    @Transactional
    public Need submit(NeedRequest request) {
        Need need = newNeed(request);
        store(need);
        LOG.infof("Need %s submitted for %s", need.id, need.municipalities);
        return need;
    }

    /** Stores a new need with its events: submitted, and area-wide when it already is. */
    void store(Need need) {
        needs.persist(need);
        events.submitted(need);
        if (isAreaWide(need)) {
            events.bornAreaWide(need, areaWideThreshold);
        }
    }

    /** Checks a request and builds the need it describes, without storing it. */
    Need newNeed(NeedRequest request) {
        List<String> codes = request.municipalities().stream().distinct().toList();
        municipalities.requireKnown(codes, "municipalities");
        // An officer speaks for their own municipality only; others join a need by endorsing it.
        if (!caller.hasAnyRole(Roles.PARTICIPATION_PARTNER, Roles.PROGRAMME_ADMIN)
                && !(codes.size() == 1 && caller.isOfficerOfAny(codes))) {
            throw ProblemException.forbidden("A municipality officer submits needs of their own municipality"
                    + caller.municipality().map(m -> " (" + m + ")").orElse("") + " only; other municipalities"
                    + " join a need by endorsing it");
        }
        if (request.workshopId() != null && Workshop.findById(request.workshopId()) == null) {
            throw ProblemException.unprocessable(
                    "Unknown workshop",
                    List.of(new Problem.Violation("workshopId", "no workshop " + request.workshopId())));
        }
        NeedOrigin origin = request.origin() == null ? NeedOrigin.ONLINE : request.origin();
        return Need.submit(
                request.title().strip(),
                request.description().strip(),
                request.theme(),
                codes,
                origin,
                request.workshopId(),
                request.submitterOrganisation(),
                occurredAt.orNow("occurredAt", request.occurredAt()));
    }

    /** Edits text and theme while the need is SUBMITTED or UNDER_REVIEW, against the version read. */
    @Transactional
    public Need edit(UUID id, NeedEdit edit, String ifMatch) {
        Need need = get(id);
        if (!caller.hasAnyRole(Roles.PARTICIPATION_PARTNER, Roles.PROGRAMME_ADMIN)
                && !caller.isOfficerOfAny(need.municipalities)) {
            throw ProblemException.forbidden("Only officers of the need's municipalities, the participation partner"
                    + " and the programme admin edit a need");
        }
        ETags.requireMatch(ifMatch, need.version);
        need.edit(strip(edit.title()), strip(edit.description()), edit.theme());
        flushed(need);
        events.updated(need);
        return need;
    }

    @Transactional
    public Need review(UUID id, OffsetDateTime claimed, String ifMatch) {
        Need need = ETags.ifMatching(get(id), ifMatch);
        OffsetDateTime at = after(need, claimed);
        NeedStatus from = need.status;
        need.review();
        events.statusChanged(need, from, at);
        return flushed(need);
    }

    @Transactional
    public Need prioritise(UUID id, NeedDecisions.Prioritise decision, String ifMatch) {
        Need need = ETags.ifMatching(get(id), ifMatch);
        OffsetDateTime at = after(need, decision.occurredAt());
        NeedStatus from = need.status;
        need.prioritise(decision.rationale().strip());
        events.statusChanged(need, from, at);
        events.prioritised(need, at);
        return flushed(need);
    }

    @Transactional
    public Need reject(UUID id, NeedDecisions.Reject decision, String ifMatch) {
        Need need = ETags.ifMatching(get(id), ifMatch);
        OffsetDateTime at = after(need, decision.occurredAt());
        NeedStatus from = need.status;
        need.reject(decision.answer().strip());
        events.statusChanged(need, from, at);
        events.rejected(need, at);
        return flushed(need);
    }

    /**
     * Its submitters take the need back while it is SUBMITTED or UNDER_REVIEW: officers of its own
     * municipalities, the participation partner that collects needs, the admin; their reason is its answer.
     */
    @Transactional
    public Need withdraw(UUID id, NeedDecisions.Withdraw request, String ifMatch) {
        Need need = ETags.ifMatching(get(id), ifMatch);
        if (!caller.hasAnyRole(Roles.PARTICIPATION_PARTNER, Roles.PROGRAMME_ADMIN)
                && !caller.isOfficerOfAny(need.municipalities)) {
            throw ProblemException.forbidden("Only officers of the need's own municipalities, the participation"
                    + " partner and the programme admin withdraw a need");
        }
        OffsetDateTime at = after(need, request.occurredAt());
        NeedStatus from = need.status;
        need.withdraw(request.reason().strip());
        events.statusChanged(need, from, at);
        return flushed(need);
    }

    /** When a move on the need happened: the time claimed, checked, and never before the need was collected. */
    private OffsetDateTime after(Need need, OffsetDateTime claimed) {
        return occurredAt.orNow("occurredAt", claimed, need.submittedAt, "the need's submission");
    }

    /**
     * The caller's municipality endorses the need: once (again is a no-op), never for a need that
     * already names it, never for a rejected need.
     */
    @Transactional
    public Need endorse(UUID id, OffsetDateTime claimed) {
        Need need = get(id);
        String municipality = caller.municipality()
                .orElseThrow(() -> ProblemException.forbidden(
                        "Only a municipality officer endorses a need, for their municipality"));
        if (need.municipalities.contains(municipality)) {
            throw ProblemException.conflict(
                    "Municipality " + municipality + " is already among the need's own",
                    Map.of("municipality", municipality));
        }
        if (need.endorsers.contains(municipality)) {
            return need;
        }
        if (need.status == NeedStatus.REJECTED) {
            throw ProblemException.conflict(
                    "A rejected need cannot be endorsed", Map.of("currentStatus", need.status.name()));
        }
        OffsetDateTime at = after(need, claimed);
        boolean wasAreaWide = isAreaWide(need);
        if (need.endorse(municipality)) {
            events.endorsed(need, municipality, at);
            if (!wasAreaWide && isAreaWide(need)) {
                events.becameAreaWide(need, areaWideThreshold, at);
            }
        }
        return flushed(need);
    }

    /**
     * Withdraws a municipality's endorsement: its own officers or the programme admin. A need that falls
     * below the area-wide threshold says so (its event), so that the figures stop counting it as area-wide.
     */
    @Transactional
    public Need withdrawEndorsement(UUID id, String municipality, OffsetDateTime claimed) {
        Need need = get(id);
        if (!caller.hasRole(Roles.PROGRAMME_ADMIN) && !caller.isOfficerOfAny(List.of(municipality))) {
            throw ProblemException.forbidden("Only officers of " + municipality + " withdraw its endorsement");
        }
        OffsetDateTime at = after(need, claimed);
        boolean wasAreaWide = isAreaWide(need);
        if (need.withdrawEndorsement(municipality)) {
            events.endorsementWithdrawn(need, municipality, at);
            if (wasAreaWide && !isAreaWide(need)) {
                events.areaWideEnded(need, areaWideThreshold, at);
            }
        }
        return flushed(need);
    }

    public boolean isAreaWide(Need need) {
        return need.supportCount() >= areaWideThreshold;
    }

    /** Flushes so that the version the client gets back is the stored one. */
    private Need flushed(Need need) {
        needs.flush();
        return need;
    }

    private static String strip(String text) {
        return text == null ? null : text.strip();
    }
}
