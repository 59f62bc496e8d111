package it.ngsiena.training.session;

import it.ngsiena.kernel.http.ETags;
import it.ngsiena.kernel.http.IdempotentCreates;
import it.ngsiena.kernel.http.TimeParams;
import it.ngsiena.kernel.paging.Page;
import it.ngsiena.kernel.paging.PageRequest;
import it.ngsiena.kernel.paging.PagedResponse;
import it.ngsiena.kernel.problem.Problem;
import it.ngsiena.kernel.problem.ProblemException;
import it.ngsiena.kernel.security.Roles;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

@Path("/v1/training")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Sessions", description = "Online seminars, in-person days and capacity-building labs")
public class SessionResource {

    private final SessionService sessions;
    private final IdempotentCreates creates;

    SessionResource(SessionService sessions, IdempotentCreates creates) {
        this.sessions = sessions;
        this.creates = creates;
    }

    @POST
    @Path("/courses/{courseId}/sessions")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.TRAINING_PARTNER, Roles.PROGRAMME_ADMIN})
    @Operation(
            operationId = "scheduleSession",
            summary = "Schedule a session of a course",
            description = "training-partner or programme-admin. Venue required in person, meeting link online, end"
                    + " after start. Publishes it.ngsiena.training.session.scheduled.v1.")
    @APIResponse(
            responseCode = "201",
            description = "Scheduled",
            headers = @Header(name = "Location"),
            content = @Content(schema = @Schema(implementation = SessionResponse.class)))
    @APIResponse(responseCode = "400", description = "Invalid request")
    @APIResponse(responseCode = "404", description = "No such course")
    public Response schedule(
            @PathParam("courseId") UUID courseId,
            @HeaderParam(IdempotentCreates.HEADER) String key,
            @Valid @NotNull SessionRequests.Schedule request,
            @Context UriInfo uri) {
        return creates.create(key, "POST /v1/training/courses/" + courseId + "/sessions", request, () -> {
            TrainingSession s = sessions.schedule(courseId, request);
            return new IdempotentCreates.Created(
                    uri.getBaseUriBuilder().path("/v1/training/sessions/{id}").build(s.id), SessionResponse.of(s));
        });
    }

    @GET
    @Path("/sessions")
    @RolesAllowed(Roles.ANY_PLATFORM_ROLE)
    @Operation(
            operationId = "listSessions",
            summary = "List sessions in time order",
            description = "Any platform role. Filter by course, format, status, a time window (from, to: RFC "
                    + "3339) and the municipality whose staff are enrolled. Paged like every list; the anonymous "
                    + "calendar (publicTrainingCalendar) leaves out trainers and meeting links.")
    @APIResponse(
            responseCode = "200",
            description = "A page of sessions",
            headers = {@Header(name = "Link"), @Header(name = "X-Total-Count")})
    @APIResponse(responseCode = "400", description = "Invalid filter or paging")
    public RestResponse<Page<SessionResponse>> list(
            @Parameter(description = "Only sessions of this course") @QueryParam("course") UUID course,
            @Parameter(description = "Only sessions in this format") @QueryParam("format") SessionFormat format,
            @Parameter(description = "Only sessions in this state") @QueryParam("status") SessionStatus status,
            @Parameter(description = "Sessions ending after (RFC 3339)") @QueryParam("from") String from,
            @Parameter(description = "Sessions starting before (RFC 3339)") @QueryParam("to") String to,
            @Parameter(
                            description = "Sessions where staff of this municipality (ISTAT) are enrolled",
                            example = "052032")
                    @QueryParam("municipality")
                    @Pattern(regexp = "\\d{6}", message = "must be a 6-digit ISTAT code")
                    String municipality,
            @QueryParam("page") Integer page,
            @QueryParam("size") Integer size,
            @Context UriInfo uri) {
        return page(course, format, status, from, to, municipality, page, size, uri, SessionResponse::of);
    }

    @GET
    @Path("/calendar")
    @PermitAll
    @Tag(name = "Sessions")
    @Operation(
            operationId = "publicTrainingCalendar",
            summary = "Public calendar of sessions, without personal data",
            description = "Anonymous. No trainer, no meeting link.")
    @APIResponse(
            responseCode = "200",
            description = "A page of sessions, without trainers or meeting links",
            headers = {@Header(name = "Link"), @Header(name = "X-Total-Count")})
    @APIResponse(responseCode = "400", description = "Invalid filter or paging")
    public RestResponse<Page<SessionResponse>> calendar(
            @Parameter(description = "Only sessions of this course") @QueryParam("course") UUID course,
            @Parameter(description = "Only sessions in this format") @QueryParam("format") SessionFormat format,
            @Parameter(description = "Only sessions in this state") @QueryParam("status") SessionStatus status,
            @Parameter(description = "Sessions ending after (RFC 3339)") @QueryParam("from") String from,
            @Parameter(description = "Sessions starting before (RFC 3339)") @QueryParam("to") String to,
            @QueryParam("page") Integer page,
            @QueryParam("size") Integer size,
            @Context UriInfo uri) {
        return page(course, format, status, from, to, null, page, size, uri, SessionResponse::publicOf);
    }

    @GET
    @Path("/sessions/{id}")
    @RolesAllowed(Roles.ANY_PLATFORM_ROLE)
    @Operation(
            operationId = "getSession",
            summary = "Read a session",
            description = "Any platform role. The session with its ETag, which rescheduleSession and cancelSession "
                    + "need in If-Match.")
    @APIResponse(
            responseCode = "200",
            description = "The session",
            headers = @Header(name = "ETag"),
            content = @Content(schema = @Schema(implementation = SessionResponse.class)))
    @APIResponse(responseCode = "404", description = "No such session")
    public Response get(@PathParam("id") UUID id) {
        return withETag(sessions.get(id));
    }

    @PUT
    @Path("/sessions/{id}/schedule")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.TRAINING_PARTNER, Roles.PROGRAMME_ADMIN})
    @Operation(
            operationId = "rescheduleSession",
            summary = "Move a scheduled session (If-Match required)",
            description = "Publishes it.ngsiena.training.session.rescheduled.v1 with a higher sequence.")
    @APIResponse(
            responseCode = "200",
            description = "Rescheduled",
            content = @Content(schema = @Schema(implementation = SessionResponse.class)))
    @APIResponse(responseCode = "409", description = "Not SCHEDULED")
    public Response reschedule(
            @PathParam("id") UUID id,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Valid @NotNull SessionRequests.Reschedule request) {
        return withETag(sessions.reschedule(id, request, ifMatch));
    }

    @POST
    @Path("/sessions/{id}/cancel")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.TRAINING_PARTNER, Roles.PROGRAMME_ADMIN})
    @Operation(
            operationId = "cancelSession",
            summary = "Cancel a scheduled session, with a reason",
            description = "SCHEDULED → CANCELLED. Publishes it.ngsiena.training.session.cancelled.v1.")
    @APIResponse(
            responseCode = "200",
            description = "Cancelled",
            content = @Content(schema = @Schema(implementation = SessionResponse.class)))
    @APIResponse(responseCode = "409", description = "Not SCHEDULED")
    public Response cancel(
            @PathParam("id") UUID id,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Valid @NotNull SessionRequests.Cancel request) {
        return withETag(sessions.cancel(id, request, ifMatch));
    }

    private RestResponse<Page<SessionResponse>> page(
            UUID course,
            SessionFormat format,
            SessionStatus status,
            String from,
            String to,
            String municipality,
            Integer page,
            Integer size,
            UriInfo uri,
            Function<TrainingSession, SessionResponse> view) {
        List<Problem.Violation> violations = new ArrayList<>();
        OffsetDateTime fromTime = TimeParams.parse("from", from, violations);
        OffsetDateTime toTime = TimeParams.parse("to", to, violations);
        if (!violations.isEmpty()) {
            throw ProblemException.invalid(violations);
        }
        return PagedResponse.of(
                sessions.list(course, format, status, fromTime, toTime, municipality, PageRequest.of(page, size))
                        .map(view),
                uri);
    }

    private static Response withETag(TrainingSession s) {
        return Response.ok(SessionResponse.of(s)).tag(ETags.of(s.version)).build();
    }
}
