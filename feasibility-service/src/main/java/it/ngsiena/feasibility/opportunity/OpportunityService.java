package it.ngsiena.feasibility.opportunity;

import static it.ngsiena.kernel.persistence.AuditedEntity.now;

import it.ngsiena.contracts.feasibility.OpportunityChanged;
import it.ngsiena.contracts.feasibility.OpportunityPublished;
import it.ngsiena.contracts.feasibility.StudyMatched;
import it.ngsiena.feasibility.funding.FundingService;
import it.ngsiena.feasibility.study.Study;
import it.ngsiena.feasibility.study.StudyService;
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
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/** Funding opportunities, their ranking for a study and the links between the two. */
@ApplicationScoped
public class OpportunityService {

    private final MunicipalityRegistry municipalities;
    private final FundingService funding;
    private final Outbox outbox;
    private final OccurredAt occurredAt;

    OpportunityService(
            MunicipalityRegistry municipalities, FundingService funding, Outbox outbox, OccurredAt occurredAt) {
        this.occurredAt = occurredAt;
        this.municipalities = municipalities;
        this.funding = funding;
        this.outbox = outbox;
    }

    @Transactional
    public FundingOpportunity publish(OpportunityRequests.Publish request) {
        funding.requireKnownComponent(request.pnrrComponent());
        StudyService.requireKnownThemes(request.themes());
        List<String> eligible = request.eligibleMunicipalities() == null ? List.of() : request.eligibleMunicipalities();
        municipalities.requireKnown(eligible, "eligibleMunicipalities");
        OffsetDateTime at = occurredAt.orNow("occurredAt", request.occurredAt());
        FundingOpportunity o = new FundingOpportunity();
        o.id = UUID.randomUUID();
        o.title = request.title().strip();
        o.funder = request.funder().strip();
        o.kind = request.kind();
        o.pnrrComponent = request.pnrrComponent();
        o.themes = List.copyOf(request.themes());
        o.eligibleMunicipalities = List.copyOf(eligible);
        o.opensOn = request.opensOn();
        o.deadline = request.deadline();
        o.totalBudgetEur = request.totalBudgetEur() == null
                ? null
                : request.totalBudgetEur().setScale(2);
        o.createdAt = now();
        o.updatedAt = o.createdAt;
        o.persist();
        outbox.append(
                o.id,
                new OpportunityPublished(
                        o.id,
                        o.title,
                        o.funder,
                        o.kind.name(),
                        o.pnrrComponent,
                        o.themes,
                        o.eligibleMunicipalities,
                        o.opensOn,
                        o.deadline,
                        o.totalBudgetEur,
                        at),
                at);
        return o;
    }

    /** Corrects a published call against the version read; its matched studies are told. */
    @Transactional
    public FundingOpportunity edit(UUID id, OpportunityRequests.Edit edit, String ifMatch) {
        FundingOpportunity o = get(id);
        ETags.requireMatch(ifMatch, o.version);
        if (o.status != OpportunityStatus.OPEN) {
            throw o.status.refused("funding opportunity", "edited");
        }
        OffsetDateTime at = occurredAt.orNow("occurredAt", edit.occurredAt());
        if (edit.themes() != null) {
            StudyService.requireKnownThemes(edit.themes());
            o.themes = List.copyOf(edit.themes());
        }
        if (edit.eligibleMunicipalities() != null) {
            municipalities.requireKnown(edit.eligibleMunicipalities(), "eligibleMunicipalities");
            o.eligibleMunicipalities = List.copyOf(edit.eligibleMunicipalities());
        }
        LocalDate opens = edit.opensOn() != null ? edit.opensOn() : o.opensOn;
        LocalDate deadline = edit.deadline() != null ? edit.deadline() : o.deadline;
        if (deadline.isBefore(opens)) {
            throw ProblemException.invalid(List.of(new Problem.Violation("deadline", "must not be before opensOn")));
        }
        o.opensOn = opens;
        o.deadline = deadline;
        if (edit.title() != null) {
            o.title = edit.title().strip();
        }
        if (edit.funder() != null) {
            o.funder = edit.funder().strip();
        }
        if (edit.totalBudgetEur() != null) {
            o.totalBudgetEur = edit.totalBudgetEur().setScale(2);
        }
        o.updatedAt = now();
        FundingOpportunity.flush();
        changed(o, "EDITED", at);
        return o;
    }

    /** Closes a call early or withdraws it, with the reason; matched studies are told, and it matches no more. */
    @Transactional
    public FundingOpportunity end(
            UUID id, OpportunityStatus to, OpportunityRequests.StatusChange request, String ifMatch) {
        FundingOpportunity o = ETags.ifMatching(get(id), ifMatch);
        OffsetDateTime at = occurredAt.orNow("occurredAt", request.occurredAt());
        o.status = o.status.moveTo(to, "funding opportunity");
        o.statusReason = request.reason().strip();
        o.statusAt = at;
        o.updatedAt = now();
        FundingOpportunity.flush();
        changed(o, to.name(), at);
        return o;
    }

    /** The event of a change, naming the studies matched to the call and their municipalities. */
    private void changed(FundingOpportunity o, String change, OffsetDateTime at) {
        List<UUID> studyIds = links(o).stream().map(l -> l.studyId).toList();
        List<String> concerned = studyIds.isEmpty()
                ? List.of()
                : Study.<Study>list("id in ?1", studyIds).stream()
                        .flatMap(s -> s.municipalities.stream())
                        .distinct()
                        .sorted()
                        .toList();
        outbox.append(
                o.id,
                new OpportunityChanged(
                        o.id,
                        change,
                        o.status.name(),
                        o.title,
                        o.funder,
                        o.themes,
                        o.eligibleMunicipalities,
                        o.opensOn,
                        o.deadline,
                        o.totalBudgetEur,
                        o.statusReason,
                        studyIds,
                        concerned,
                        o.version,
                        at),
                at);
    }

    private static List<StudyOpportunity> links(FundingOpportunity o) {
        return StudyOpportunity.list("opportunityId = ?1 order by createdAt", o.id);
    }

    public FundingOpportunity get(UUID id) {
        return FundingOpportunity.<FundingOpportunity>findByIdOptional(id)
                .orElseThrow(() -> ProblemException.notFound("Funding opportunity", id));
    }

    /** Opportunities by deadline; with {@code openOn}, only those open on that day. */
    public Page<FundingOpportunity> list(LocalDate openOn, PageRequest paging) {
        return PagedQuery.find(
                FundingOpportunity.class,
                new Where().and("opensOn <= :openOn and deadline >= :openOn and status = 'OPEN'", "openOn", openOn),
                "order by deadline, id",
                paging);
    }

    /** The opportunities open on the day that suit the study, best first. */
    public List<OpportunityRequests.Match> matching(Study study, LocalDate day) {
        var facts = facts(study);
        return FundingOpportunity.<FundingOpportunity>list(
                        "opensOn <= ?1 and deadline >= ?1 and status = ?2", day, OpportunityStatus.OPEN)
                .stream()
                .flatMap(o -> OpportunityRanking.score(facts, o)
                        .map(s -> new OpportunityRequests.Match(
                                OpportunityRequests.OpportunityView.of(o), s.value(), s.reasons()))
                        .stream())
                .sorted(Comparator.comparingInt(OpportunityRequests.Match::score)
                        .reversed()
                        .thenComparing(m -> m.opportunity().deadline())
                        .thenComparing(m -> m.opportunity().title()))
                .toList();
    }

    /** A link, and whether this call made it. */
    public record Linking(StudyOpportunity link, boolean created) {}

    /** Links a study to an opportunity once; linking again returns the first link. */
    @Transactional
    public Linking link(Study study, UUID opportunityId, OffsetDateTime claimed) {
        OffsetDateTime at = occurredAt.orNow("occurredAt", claimed);
        FundingOpportunity o = get(opportunityId);
        StudyOpportunity existing = StudyOpportunity.findById(new StudyOpportunity.Key(study.id, o.id));
        if (existing != null) {
            return new Linking(existing, false);
        }
        study.requireNotAbandoned();
        if (o.status != OpportunityStatus.OPEN) {
            throw o.status.refused("funding opportunity", "matched");
        }
        var score = OpportunityRanking.score(facts(study), o)
                .orElseThrow(() -> ProblemException.unprocessable(
                        "None of the study's municipalities is eligible for this opportunity",
                        List.of(new Problem.Violation("opportunityId", "is not open to " + study.municipalities))));
        StudyOpportunity link = new StudyOpportunity();
        link.studyId = study.id;
        link.opportunityId = o.id;
        link.score = score.value();
        link.createdAt = now();
        link.persist();
        outbox.append(
                study.id, new StudyMatched(study.id, o.id, study.needIds, study.municipalities, link.score, at), at);
        return new Linking(link, true);
    }

    public List<StudyOpportunity> links(UUID studyId) {
        return StudyOpportunity.list("studyId = ?1 order by createdAt", studyId);
    }

    private static OpportunityRanking.StudyFacts facts(Study s) {
        return new OpportunityRanking.StudyFacts(s.themes, s.municipalities, s.estimatedCostEur);
    }
}
