package it.ngsiena.training.report;

import it.ngsiena.kernel.municipality.MunicipalityRegistry;
import it.ngsiena.kernel.problem.ProblemException;
import it.ngsiena.kernel.security.Caller;
import it.ngsiena.kernel.security.Roles;
import it.ngsiena.training.course.CourseService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.persistence.EntityManager;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Training figures per municipality and per course: counts and hours, no personal data. */
@Path("/v1/training/reports")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Reports", description = "Training figures per municipality and per course")
@APIResponse(responseCode = "403", description = "Not allowed to see these figures")
@APIResponse(responseCode = "404", description = "No such municipality or course")
public class ReportResource {

    private final EntityManager em;
    private final MunicipalityRegistry municipalities;
    private final CourseService courses;
    private final Caller caller;

    ReportResource(EntityManager em, MunicipalityRegistry municipalities, CourseService courses, Caller caller) {
        this.em = em;
        this.municipalities = municipalities;
        this.courses = courses;
        this.caller = caller;
    }

    @Schema(name = "MunicipalityTrainingReport")
    public record MunicipalityReport(
            @Schema(example = "052032") String municipality,

            @Schema(
                    description = "People with attended hours, by role",
                    example = "{\"ADMINISTRATOR\":3,\"EMPLOYEE\":12}")
            Map<String, Long> peopleTrained,

            @Schema(description = "Hours attended by its people, in total", example = "86.5")
            BigDecimal hours,

            @Schema(description = "Sessions its people attended", example = "9")
            long sessionsAttended,

            @Schema(description = "Valid certificates of its people (revoked ones not counted)", example = "7")
            long certificates) {}

    @Schema(name = "CourseTrainingReport")
    public record CourseReport(
            UUID courseId,

            @Schema(description = "People enrolled", example = "20")
            long enrolled,

            @Schema(description = "People who attended at least one session", example = "18")
            long attended,

            @Schema(description = "Valid certificates (revoked ones not counted)", example = "12")
            long certificates,

            @Schema(description = "Certificates per person who attended, 0 to 1", example = "0.67")
            BigDecimal completionRate) {}

    @GET
    @Path("/municipalities/{istat}")
    @RolesAllowed({Roles.TRAINING_PARTNER, Roles.PROGRAMME_ADMIN, Roles.MUNICIPALITY_OFFICER})
    @Operation(
            operationId = "municipalityTrainingReport",
            summary = "Training figures of a municipality",
            description = "training-partner, programme-admin, and officers of that municipality.")
    @APIResponse(responseCode = "200", description = "The municipality's figures")
    public MunicipalityReport municipality(@PathParam("istat") String istat) {
        if (!municipalities.exists(istat)) {
            throw ProblemException.notFound("Municipality", istat);
        }
        if (!caller.hasAnyRole(Roles.TRAINING_PARTNER, Roles.PROGRAMME_ADMIN)
                && !caller.isOfficerOfAny(List.of(istat))) {
            throw ProblemException.forbidden("Officers see the figures of their own municipality only");
        }
        Map<String, Long> byRole = new LinkedHashMap<>();
        @SuppressWarnings("unchecked")
        List<Object[]> roles = em.createNativeQuery("""
                select p.role, count(distinct p.id) from attendance a join participant p on p.id = a.participant_id
                where a.municipality = ?1 and a.hours > 0 group by p.role order by p.role""").setParameter(1, istat).getResultList();
        roles.forEach(r -> byRole.put((String) r[0], ((Number) r[1]).longValue()));
        Object[] totals =
                (Object[]) em.createNativeQuery("""
                select coalesce(sum(hours), 0), count(distinct session_id) from attendance
                where municipality = ?1 and hours > 0""").setParameter(1, istat).getSingleResult();
        long certificates = ((Number) em.createNativeQuery(
                                "select count(*) from certificate where municipality = ?1 and revoked_at is null")
                        .setParameter(1, istat)
                        .getSingleResult())
                .longValue();
        return new MunicipalityReport(
                istat, byRole, new BigDecimal(totals[0].toString()), ((Number) totals[1]).longValue(), certificates);
    }

    @GET
    @Path("/courses/{id}")
    @RolesAllowed({Roles.TRAINING_PARTNER, Roles.PROGRAMME_ADMIN})
    @Operation(
            operationId = "courseTrainingReport",
            summary = "Enrolment, attendance and completion of a course",
            description = "training-partner and programme-admin.")
    @APIResponse(responseCode = "200", description = "The course's figures")
    public CourseReport course(@PathParam("id") UUID id) {
        courses.get(id);
        long enrolled = count("""
                select count(distinct e.participant_id) from enrolment e join training_session s on s.id = e.session_id
                where s.course_id = ?1 and e.status = 'ENROLLED'""", id);
        long attended =
                count("select count(distinct participant_id) from attendance where course_id = ?1 and hours > 0", id);
        long certificates = count("select count(*) from certificate where course_id = ?1 and revoked_at is null", id);
        BigDecimal rate = attended == 0
                ? BigDecimal.ZERO
                : BigDecimal.valueOf(certificates).divide(BigDecimal.valueOf(attended), 2, RoundingMode.HALF_UP);
        return new CourseReport(id, enrolled, attended, certificates, rate);
    }

    private long count(String sql, UUID id) {
        return ((Number) em.createNativeQuery(sql).setParameter(1, id).getSingleResult()).longValue();
    }
}
