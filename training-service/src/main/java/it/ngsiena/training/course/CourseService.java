package it.ngsiena.training.course;

import static it.ngsiena.kernel.persistence.AuditedEntity.now;

import it.ngsiena.contracts.training.CourseCreated;
import it.ngsiena.kernel.http.ETags;
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
import java.util.UUID;

/** Courses of the programme, managed by the training partner and the admin. */
@ApplicationScoped
public class CourseService {

    static final int DEFAULT_THRESHOLD_PERCENT = 75;

    private final Outbox outbox;
    private final OccurredAt occurredAt;

    CourseService(Outbox outbox, OccurredAt occurredAt) {
        this.outbox = outbox;
        this.occurredAt = occurredAt;
    }

    public Course get(UUID id) {
        return Course.<Course>findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("Course", id));
    }

    public Page<Course> list(Topic topic, PageRequest paging) {
        return PagedQuery.find(
                Course.class, new Where().and("topic = :topic", "topic", topic), "order by createdAt desc, id", paging);
    }

    @Transactional
    public Course create(CourseRequests.Create request) {
        Course c = new Course();
        c.id = UUID.randomUUID();
        c.title = request.title().strip();
        c.topic = request.topic();
        c.description = request.description().strip();
        c.plannedHours = request.plannedHours();
        c.certificateThresholdPercent = request.certificateThresholdPercent() == null
                ? DEFAULT_THRESHOLD_PERCENT
                : request.certificateThresholdPercent();
        c.createdAt = now();
        c.updatedAt = c.createdAt;
        c.persist();
        OffsetDateTime at = occurredAt.orNow("occurredAt", request.occurredAt());
        outbox.append(
                c.id,
                new CourseCreated(c.id, c.title, c.topic.name(), c.plannedHours, c.certificateThresholdPercent, at),
                at);
        return c;
    }

    @Transactional
    public Course edit(UUID id, CourseRequests.Edit edit, String ifMatch) {
        Course c = get(id);
        ETags.requireMatch(ifMatch, c.version);
        if (edit.title() != null) {
            c.title = edit.title().strip();
        }
        if (edit.description() != null) {
            c.description = edit.description().strip();
        }
        if (edit.plannedHours() != null) {
            c.plannedHours = edit.plannedHours();
        }
        if (edit.certificateThresholdPercent() != null) {
            c.certificateThresholdPercent = edit.certificateThresholdPercent();
        }
        c.updatedAt = now();
        Course.flush();
        return c;
    }
}
