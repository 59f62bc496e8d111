package it.ngsiena.participation.need;

import it.ngsiena.kernel.problem.Problem;
import it.ngsiena.kernel.problem.ProblemException;
import it.ngsiena.kernel.problem.Problems;
import it.ngsiena.kernel.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The bulk push: each item is created once per (pushing client, external id). Pushing the same item
 * again is UNCHANGED; the same external id with other content is a CONFLICT; an invalid item is
 * INVALID with its problem. The other items are stored regardless.
 */
@ApplicationScoped
public class NeedBatchService {

    private final NeedService service;
    private final NeedRepository needs;
    private final Validator validator;
    private final Caller caller;

    NeedBatchService(NeedService service, NeedRepository needs, Validator validator, Caller caller) {
        this.service = service;
        this.needs = needs;
        this.validator = validator;
        this.caller = caller;
    }

    @Transactional
    public NeedBatch.Response push(NeedBatch.Request request) {
        String source = caller.name();
        List<NeedBatch.Result> results = new ArrayList<>();
        for (int i = 0; i < request.items().size(); i++) {
            results.add(pushOne(i, request.items().get(i), source));
        }
        return NeedBatch.Response.of(results);
    }

    private NeedBatch.Result pushOne(int index, NeedBatch.Item item, String source) {
        String externalId = item.externalId();
        List<Problem.Violation> violations = new ArrayList<>();
        if (externalId == null || externalId.isBlank() || externalId.length() > 100) {
            violations.add(new Problem.Violation("externalId", "must be 1 to 100 characters"));
        }
        if (item.need() == null) {
            violations.add(new Problem.Violation("need", "must not be null"));
        } else {
            for (ConstraintViolation<NeedRequest> v : validator.validate(item.need())) {
                violations.add(new Problem.Violation("need." + v.getPropertyPath(), v.getMessage()));
            }
        }
        if (!violations.isEmpty()) {
            violations.sort(Comparator.comparing(Problem.Violation::field));
            return new NeedBatch.Result(
                    index, externalId, NeedBatch.Outcome.INVALID, null, Problems.validation(violations));
        }
        Need existing = needs.find("externalSource = ?1 and externalId = ?2", source, externalId)
                .firstResult();
        if (existing != null) {
            if (sameContent(existing, item.need())) {
                return new NeedBatch.Result(index, externalId, NeedBatch.Outcome.UNCHANGED, existing.id, null);
            }
            return new NeedBatch.Result(
                    index,
                    externalId,
                    NeedBatch.Outcome.CONFLICT,
                    existing.id,
                    ProblemException.conflict(
                                    "External id " + externalId + " was pushed before with other content", Map.of())
                            .problem());
        }
        try {
            Need need = service.newNeed(item.need());
            need.externalId = externalId;
            need.externalSource = source;
            service.store(need);
            return new NeedBatch.Result(index, externalId, NeedBatch.Outcome.CREATED, need.id, null);
        } catch (ProblemException e) {
            return new NeedBatch.Result(index, externalId, NeedBatch.Outcome.INVALID, null, e.problem());
        }
    }

    private static boolean sameContent(Need need, NeedRequest request) {
        NeedOrigin origin = request.origin() == null ? NeedOrigin.ONLINE : request.origin();
        return need.title.equals(request.title().strip())
                && need.description.equals(request.description().strip())
                && need.theme == request.theme()
                && need.municipalities.equals(
                        request.municipalities().stream().distinct().toList())
                && need.origin == origin
                && Objects.equals(need.submitterOrganisation, request.submitterOrganisation())
                && Objects.equals(need.workshopId, request.workshopId())
                // a time said again must be the same; none said leaves the stored one
                && (request.occurredAt() == null
                        || need.submittedAt.isEqual(
                                request.occurredAt().truncatedTo(java.time.temporal.ChronoUnit.MICROS)));
    }
}
