package it.ngsiena.feasibility.study;

import static it.ngsiena.kernel.persistence.AuditedEntity.now;

import it.ngsiena.contracts.feasibility.MilestoneReached;
import it.ngsiena.contracts.feasibility.StudyAbandoned;
import it.ngsiena.contracts.feasibility.StudyCompleted;
import it.ngsiena.contracts.feasibility.StudyProjectCodesRecorded;
import it.ngsiena.contracts.feasibility.StudyRequested;
import it.ngsiena.contracts.feasibility.StudyStarted;
import it.ngsiena.contracts.participation.NeedThemes;
import it.ngsiena.feasibility.funding.PnrrMeasureCode;
import it.ngsiena.feasibility.funding.PnrrStructure;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Studies: opened by hand or for a prioritised need, started, completed with a verdict, or abandoned. */
@ApplicationScoped
public class StudyService {

    private final MunicipalityRegistry municipalities;
    private final Outbox outbox;

    private final OccurredAt occurredAt;
    private final PnrrStructure pnrr;

    StudyService(MunicipalityRegistry municipalities, Outbox outbox, OccurredAt occurredAt, PnrrStructure pnrr) {
        this.pnrr = pnrr;
        this.municipalities = municipalities;
        this.outbox = outbox;
        this.occurredAt = occurredAt;
    }

    /** Filters of the study list; null means "any". */
    public record Filter(StudyStatus status, Verdict verdict, String municipality, UUID need) {}

    public Page<Study> list(Filter filter, Optional<String> onlyMunicipality, PageRequest paging) {
        Where where = new Where()
                .and("status = :status", "status", filter.status())
                .and("verdict = :verdict", "verdict", filter.verdict())
                .and("array_contains(municipalities, :municipality)", "municipality", filter.municipality())
                .and("array_contains(needIds, :need)", "need", filter.need())
                .and("array_contains(municipalities, :own)", "own", onlyMunicipality.orElse(null));
        return PagedQuery.find(Study.class, where, "order by createdAt desc, id", paging);
    }

    @Transactional
    public Study create(StudyRequests.Create request) {
        municipalities.requireKnown(request.municipalities(), "municipalities");
        List<String> themes = request.themes() == null ? List.of() : request.themes();
        requireKnownThemes(themes);
        openStudyOf(request.needIds()).ifPresent(open -> {
            throw ProblemException.conflict(
                    "Need " + open.needId() + " already has an open study (" + open.study().id
                            + "): a need has one open study at a time; complete or abandon it first",
                    Map.of("needId", open.needId(), "studyId", open.study().id));
        });
        OffsetDateTime at = occurredAt.orNow("occurredAt", request.occurredAt());
        Study s = newStudy(request.title().strip(), request.needIds(), request.municipalities(), themes);
        s.scope = request.scope();
        s.leadOrganisation = request.leadOrganisation();
        s.leadRole = request.leadRole();
        s.persist();
        published(s, at);
        return s;
    }

    /**
     * Opens a REQUESTED study for a need prioritised in the participation workstream, unless the need
     * already has an open one: a repeated event finds that study and changes nothing, while a need
     * prioritised again after its study was abandoned gets a new one. The study's event is dated as the
     * prioritisation ({@code at}).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<Study> openForNeed(
            UUID needId,
            String needTitle,
            String theme,
            List<String> needMunicipalities,
            String sourceEventId,
            OffsetDateTime at) {
        if (openStudyOf(List.of(needId)).isPresent()) {
            return Optional.empty();
        }
        List<String> themes = theme != null && NeedThemes.CODES.contains(theme) ? List.of(theme) : List.of();
        Study s = newStudy("Studio di fattibilità: " + needTitle, List.of(needId), needMunicipalities, themes);
        s.sourceEventId = sourceEventId;
        s.persist();
        published(s, at);
        return Optional.of(s);
    }

    @Transactional
    public Study edit(UUID id, StudyRequests.Edit edit, String ifMatch) {
        Study s = found(id);
        ETags.requireMatch(ifMatch, s.version);
        s.requireNotAbandoned();
        OffsetDateTime at = occurredAt.orNow("occurredAt", edit.occurredAt());
        // checked before anything changes: the query would flush a half-made edit (a second version)
        if (edit.cup() != null
                && !edit.cup().equals(s.cup)
                && Study.count("cup = ?1 and id <> ?2", edit.cup(), s.id) > 0) {
            throw ProblemException.conflict(
                    "Another study has this CUP: a CUP names one project", Map.of("cup", edit.cup()));
        }
        if (edit.title() != null) {
            s.title = edit.title().strip();
        }
        if (edit.scope() != null) {
            s.scope = edit.scope();
        }
        if (edit.leadOrganisation() != null) {
            s.leadOrganisation = edit.leadOrganisation();
        }
        if (edit.leadRole() != null) {
            s.leadRole = edit.leadRole();
        }
        List<String> codesBefore = projectCodes(s);
        if (edit.cup() != null) {
            s.cup = edit.cup();
        }
        if (edit.localProjectCode() != null) {
            s.localProjectCode = edit.localProjectCode();
        }
        if (edit.pnrrSubMeasure() != null) {
            PnrrMeasureCode code = PnrrMeasureCode.of(edit.pnrrSubMeasure());
            if (pnrr.find(code.component()).isEmpty()) {
                throw ProblemException.unprocessable(
                        "Unknown PNRR component",
                        List.of(new Problem.Violation(
                                "pnrrSubMeasure", code.component() + " is not a component of the PNRR")));
            }
            s.pnrrSubMeasure = edit.pnrrSubMeasure();
        }
        s.updatedAt = now();
        Study.flush();
        if (!projectCodes(s).equals(codesBefore)) {
            PnrrMeasureCode code = s.pnrrSubMeasure == null ? null : PnrrMeasureCode.of(s.pnrrSubMeasure);
            outbox.append(
                    s.id,
                    new StudyProjectCodesRecorded(
                            s.id,
                            s.needIds,
                            s.municipalities,
                            s.cup,
                            s.localProjectCode,
                            code == null ? null : code.mission(),
                            code == null ? null : code.component(),
                            code == null ? null : code.measure(),
                            s.pnrrSubMeasure,
                            at),
                    at);
        }
        return s;
    }

    /** The codes that join a study to the national records, as one comparable value. */
    private static List<String> projectCodes(Study s) {
        return java.util.Arrays.asList(s.cup, s.localProjectCode, s.pnrrSubMeasure);
    }

    @Transactional
    public Study start(UUID id, StudyRequests.Start request, String ifMatch) {
        Study s = ETags.ifMatching(found(id), ifMatch);
        if (request.leadOrganisation() != null) {
            s.leadOrganisation = request.leadOrganisation();
        }
        if (request.leadRole() != null) {
            s.leadRole = request.leadRole();
        }
        s.start(occurredAt.orNow("occurredAt", request.occurredAt()), now());
        Study.flush();
        outbox.append(
                s.id,
                new StudyStarted(s.id, s.needIds, s.municipalities, s.leadOrganisation, s.startedAt),
                s.startedAt);
        return s;
    }

    @Transactional
    public Study complete(UUID id, StudyRequests.Complete request, String ifMatch) {
        Study s = ETags.ifMatching(found(id), ifMatch);
        OffsetDateTime completedAt =
                occurredAt.orNow("occurredAt", request.occurredAt(), s.startedAt, "the study's start");
        s.complete(
                request.verdict(),
                request.conditions(),
                request.estimatedCostEur().setScale(2),
                request.summary().strip(),
                completedAt,
                now());
        Study.flush();
        outbox.append(
                s.id,
                new StudyCompleted(
                        s.id, s.needIds, s.municipalities, s.verdict.name(), s.estimatedCostEur, s.title, s.closedAt),
                s.closedAt);
        return s;
    }

    @Transactional
    public Study abandon(UUID id, StudyRequests.Abandon request, String ifMatch) {
        Study s = ETags.ifMatching(found(id), ifMatch);
        OffsetDateTime at = occurredAt.orNow("occurredAt", request.occurredAt(), s.startedAt, "the study's start");
        s.abandon(request.reason().strip(), at, now());
        Study.flush();
        outbox.append(
                s.id, new StudyAbandoned(s.id, s.needIds, s.municipalities, s.abandonReason, s.closedAt), s.closedAt);
        return s;
    }

    @Transactional
    public StudyChild.Milestone addMilestone(UUID studyId, StudyRequests.NewMilestone request) {
        found(studyId).requireNotAbandoned();
        StudyChild.Milestone m = new StudyChild.Milestone();
        m.id = UUID.randomUUID();
        m.studyId = studyId;
        m.title = request.title().strip();
        m.dueOn = request.dueOn();
        m.createdAt = now();
        m.persist();
        return m;
    }

    /** Records the day a milestone was reached; the same day again changes nothing, another day is a 409. */
    @Transactional
    public StudyChild.Milestone reachMilestone(UUID studyId, UUID milestoneId, StudyRequests.Reached request) {
        Study s = found(studyId);
        s.requireNotAbandoned();
        OffsetDateTime at = occurredAt.onDay("reachedOn", request.reachedOn());
        StudyChild.Milestone m = StudyChild.Milestone.<StudyChild.Milestone>find(
                        "id = ?1 and studyId = ?2", milestoneId, studyId)
                .firstResultOptional()
                .orElseThrow(() -> ProblemException.notFound("Milestone", milestoneId));
        if (request.reachedOn().equals(m.reachedOn)) {
            return m;
        }
        if (m.reachedOn != null) {
            throw ProblemException.conflict(
                    "The milestone was already reached on " + m.reachedOn, Map.of("reachedOn", m.reachedOn.toString()));
        }
        m.reachedOn = request.reachedOn();
        outbox.append(
                s.id,
                new MilestoneReached(s.id, m.id, m.title, m.dueOn, m.reachedOn, List.copyOf(s.municipalities), at),
                at);
        return m;
    }

    @Transactional
    public StudyChild.DocumentLink addDocument(UUID studyId, StudyRequests.NewDocument request) {
        found(studyId).requireNotAbandoned();
        StudyChild.DocumentLink d = new StudyChild.DocumentLink();
        d.id = UUID.randomUUID();
        d.studyId = studyId;
        d.title = request.title().strip();
        d.url = request.url();
        d.createdAt = now();
        d.persist();
        return d;
    }

    @Transactional
    public StudyChild.Indicator addIndicator(UUID studyId, StudyRequests.NewIndicator request) {
        found(studyId).requireNotAbandoned();
        StudyChild.Indicator i = new StudyChild.Indicator();
        i.id = UUID.randomUUID();
        i.studyId = studyId;
        i.name = request.name().strip();
        i.unit = request.unit().strip();
        i.baseline = request.baseline();
        i.target = request.target();
        i.createdAt = now();
        i.persist();
        return i;
    }

    /** A need's open study (REQUESTED or IN_PROGRESS). */
    record OpenStudy(UUID needId, Study study) {}

    /**
     * The first of these needs that has an open study, with it. Takes a lock per need until the
     * transaction ends, so two replicas opening a study for the same need at once cannot both find none.
     */
    private static Optional<OpenStudy> openStudyOf(List<UUID> needIds) {
        List<UUID> sorted = needIds.stream().distinct().sorted().toList(); // one lock order: no deadlock
        for (UUID needId : sorted) {
            Study.getEntityManager()
                    .createNativeQuery("select 1 from pg_advisory_xact_lock(hashtextextended(?1, 0))")
                    .setParameter(1, "study of need " + needId)
                    .getSingleResult();
        }
        for (UUID needId : sorted) {
            Optional<Study> open = Study.<Study>find(
                            "array_contains(needIds, ?1) and status in ?2",
                            needId,
                            List.of(StudyStatus.REQUESTED, StudyStatus.IN_PROGRESS))
                    .firstResultOptional();
            if (open.isPresent()) {
                return Optional.of(new OpenStudy(needId, open.get()));
            }
        }
        return Optional.empty();
    }

    public Study found(UUID id) {
        return Study.<Study>findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("Study", id));
    }

    private void published(Study s, OffsetDateTime at) {
        outbox.append(
                s.id,
                new StudyRequested(s.id, s.needIds, s.municipalities, s.title, s.themes, s.sourceEventId, at),
                at);
    }

    private static Study newStudy(String title, List<UUID> needIds, List<String> municipalities, List<String> themes) {
        Study s = new Study();
        s.id = UUID.randomUUID();
        s.title = title.length() > 200 ? title.substring(0, 200) : title;
        s.needIds = List.copyOf(needIds);
        s.municipalities = List.copyOf(municipalities);
        s.themes = List.copyOf(themes);
        s.status = StudyStatus.REQUESTED;
        s.createdAt = now();
        s.updatedAt = s.createdAt;
        return s;
    }

    /** Themes are the participation workstream's need theme codes. */
    public static void requireKnownThemes(List<String> themes) {
        List<Problem.Violation> violations = new ArrayList<>();
        for (int i = 0; i < themes.size(); i++) {
            if (!NeedThemes.CODES.contains(themes.get(i))) {
                violations.add(new Problem.Violation("themes[" + i + "]", "must be one of " + NeedThemes.CODES));
            }
        }
        if (!violations.isEmpty()) {
            throw ProblemException.invalid(violations);
        }
    }
}
