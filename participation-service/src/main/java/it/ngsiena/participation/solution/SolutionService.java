package it.ngsiena.participation.solution;

import it.ngsiena.contracts.participation.SolutionProposed;
import it.ngsiena.kernel.outbox.Outbox;
import it.ngsiena.kernel.problem.ProblemException;
import it.ngsiena.kernel.security.Caller;
import it.ngsiena.kernel.security.Roles;
import it.ngsiena.kernel.time.OccurredAt;
import it.ngsiena.participation.need.Need;
import it.ngsiena.participation.need.NeedService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Solution ideas: proposed by the partner, the admin, and officers of the need's or endorsing municipalities. */
@ApplicationScoped
public class SolutionService {

    private final NeedService needs;
    private final Outbox outbox;
    private final Caller caller;
    private final OccurredAt occurredAt;

    SolutionService(NeedService needs, Outbox outbox, Caller caller, OccurredAt occurredAt) {
        this.occurredAt = occurredAt;
        this.needs = needs;
        this.outbox = outbox;
        this.caller = caller;
    }

    @Transactional
    public SolutionIdea propose(UUID needId, SolutionRequest request) {
        Need need = needs.get(needId);
        List<String> involved = new ArrayList<>(need.municipalities);
        involved.addAll(need.endorsers);
        if (!caller.hasAnyRole(Roles.PARTICIPATION_PARTNER, Roles.PROGRAMME_ADMIN)
                && !caller.isOfficerOfAny(involved)) {
            throw ProblemException.forbidden("Only officers of the need's or endorsing municipalities, the"
                    + " participation partner and the programme admin propose solutions");
        }
        OffsetDateTime at =
                occurredAt.orNow("occurredAt", request.occurredAt(), need.submittedAt, "the need's submission");
        SolutionIdea idea = new SolutionIdea();
        idea.id = UUID.randomUUID();
        idea.needId = need.id;
        idea.title = request.title().strip();
        idea.description = request.description().strip();
        idea.proposerOrganisation = request.proposerOrganisation();
        idea.createdAt = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
        idea.persist();
        outbox.append(
                need.id,
                new SolutionProposed(idea.id, need.id, idea.title, idea.proposerOrganisation, need.municipalities, at),
                at);
        return idea;
    }

    public List<SolutionResponse> ofNeed(UUID needId) {
        return SolutionIdea.ofNeed(needId).stream().map(SolutionResponse::of).toList();
    }
}
