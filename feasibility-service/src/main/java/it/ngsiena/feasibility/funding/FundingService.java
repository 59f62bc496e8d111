package it.ngsiena.feasibility.funding;

import static it.ngsiena.kernel.persistence.AuditedEntity.now;

import it.ngsiena.contracts.feasibility.FundingSourceAdded;
import it.ngsiena.contracts.feasibility.FundingSourceChanged;
import it.ngsiena.feasibility.study.Study;
import it.ngsiena.feasibility.study.StudyService;
import it.ngsiena.kernel.http.ETags;
import it.ngsiena.kernel.outbox.Outbox;
import it.ngsiena.kernel.problem.Problem;
import it.ngsiena.kernel.problem.ProblemException;
import it.ngsiena.kernel.time.OccurredAt;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** Funding sources of studies; PNRR money is checked against the PNRR's components. */
@ApplicationScoped
public class FundingService {

    private final StudyService studies;
    private final PnrrStructure pnrr;
    private final Outbox outbox;
    private final OccurredAt occurredAt;

    FundingService(StudyService studies, PnrrStructure pnrr, Outbox outbox, OccurredAt occurredAt) {
        this.occurredAt = occurredAt;
        this.studies = studies;
        this.pnrr = pnrr;
        this.outbox = outbox;
    }

    public List<FundingSource> of(UUID studyId) {
        return FundingSource.list("studyId = ?1 order by createdAt, id", studyId);
    }

    @Transactional
    public FundingSource add(UUID studyId, FundingRequests.Add request) {
        Study study = studies.found(studyId);
        study.requireNotAbandoned();
        requireKnownComponent(request.pnrrComponent());
        OffsetDateTime at = occurredAt.orNow("occurredAt", request.occurredAt());
        FundingSource f = new FundingSource();
        f.id = UUID.randomUUID();
        f.studyId = studyId;
        f.kind = request.kind();
        f.pnrrComponent = request.pnrrComponent();
        f.pnrrMeasure = request.pnrrMeasure();
        f.programme = request.programme();
        f.amountEur = request.amountEur().setScale(2);
        f.status = request.status();
        f.createdAt = now();
        f.updatedAt = f.createdAt;
        f.persist();
        outbox.append(
                studyId,
                new FundingSourceAdded(
                        studyId,
                        f.id,
                        f.kind.name(),
                        f.pnrrComponent,
                        f.amountEur,
                        f.status.name(),
                        study.municipalities,
                        at),
                at);
        return f;
    }

    @Transactional
    public FundingSource change(UUID id, FundingRequests.Change change, String ifMatch) {
        FundingSource f = FundingSource.<FundingSource>findByIdOptional(id)
                .orElseThrow(() -> ProblemException.notFound("Funding source", id));
        ETags.requireMatch(ifMatch, f.version);
        Study study = studies.found(f.studyId);
        OffsetDateTime at = occurredAt.orNow("occurredAt", change.occurredAt());
        FundingStatus previous = f.status;
        boolean changed = false;
        if (change.amountEur() != null && change.amountEur().compareTo(f.amountEur) != 0) {
            f.amountEur = change.amountEur().setScale(2);
            changed = true;
        }
        if (change.status() != null && change.status() != f.status) {
            f.status = change.status();
            changed = true;
        }
        if (!changed) {
            return f;
        }
        f.updatedAt = now();
        FundingSource.flush();
        outbox.append(
                f.studyId,
                new FundingSourceChanged(
                        f.studyId,
                        f.id,
                        f.kind.name(),
                        f.pnrrComponent,
                        f.amountEur,
                        f.status.name(),
                        previous.name(),
                        study.municipalities,
                        at),
                at);
        return f;
    }

    /** A PNRR component code must be one of the plan's; null passes (the request checks when it is needed). */
    public void requireKnownComponent(String code) {
        if (code != null && pnrr.find(code).isEmpty()) {
            throw ProblemException.invalid(List.of(new Problem.Violation(
                    "pnrrComponent",
                    "is not a component of the PNRR: "
                            + pnrr.components().stream()
                                    .map(PnrrStructure.Component::code)
                                    .toList())));
        }
    }
}
