package it.ngsiena.training.course;

import it.ngsiena.kernel.http.ETags;
import it.ngsiena.kernel.http.IdempotentCreates;
import it.ngsiena.kernel.http.MergePatch;
import it.ngsiena.kernel.paging.Items;
import it.ngsiena.kernel.paging.Page;
import it.ngsiena.kernel.paging.PageRequest;
import it.ngsiena.kernel.paging.PagedResponse;
import it.ngsiena.kernel.security.Roles;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Arrays;
import java.util.UUID;
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
@Tag(name = "Courses", description = "The tracks of the training programme")
public class CourseResource {

    private final CourseService courses;
    private final IdempotentCreates creates;

    CourseResource(CourseService courses, IdempotentCreates creates) {
        this.courses = courses;
        this.creates = creates;
    }

    /** A topic of the taxonomy with its labels. */
    @Schema(name = "TrainingTopic")
    public record TopicView(
            @Schema(example = "PNRR") String code,
            @Schema(example = "Recovery Plan e PNRR") String labelIt,
            @Schema(example = "Recovery Plan and PNRR") String labelEn) {}

    @GET
    @Path("/topics")
    @PermitAll
    @Operation(
            operationId = "listTopics",
            summary = "The training topics, with Italian and English labels",
            description = "Anonymous. Every training topic code with its Italian and English label, for filters and "
                    + "forms.")
    public Items<TopicView> topics() {
        return Items.of(Arrays.stream(Topic.values())
                .map(t -> new TopicView(t.name(), t.labelIt(), t.labelEn()))
                .toList());
    }

    @POST
    @Path("/courses")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.TRAINING_PARTNER, Roles.PROGRAMME_ADMIN})
    @Operation(
            operationId = "createCourse",
            summary = "Create a course",
            description = "training-partner or programme-admin. Publishes it.ngsiena.training.course.created.v1.")
    @APIResponse(
            responseCode = "201",
            description = "Created",
            headers = @Header(name = "Location"),
            content = @Content(schema = @Schema(implementation = CourseResponse.class)))
    @APIResponse(responseCode = "400", description = "Invalid request")
    @APIResponse(responseCode = "403", description = "Not the training partner or the admin")
    public Response create(
            @HeaderParam(IdempotentCreates.HEADER) String key,
            @Valid @NotNull CourseRequests.Create request,
            @Context UriInfo uri) {
        return creates.create(key, "POST /v1/training/courses", request, () -> {
            Course c = courses.create(request);
            return new IdempotentCreates.Created(
                    uri.getAbsolutePathBuilder().path(c.id.toString()).build(), CourseResponse.of(c));
        });
    }

    @GET
    @Path("/courses")
    @RolesAllowed(Roles.ANY_PLATFORM_ROLE)
    @Operation(
            operationId = "listCourses",
            summary = "List courses, newest first",
            description = "Any platform role. Filter by topic; page and size as everywhere (Link header with "
                    + "first/prev/next/last, X-Total-Count).")
    @APIResponse(responseCode = "400", description = "Invalid paging")
    @APIResponse(
            responseCode = "200",
            description = "A page of courses",
            headers = {@Header(name = "Link"), @Header(name = "X-Total-Count")})
    public RestResponse<Page<CourseResponse>> list(
            @Parameter(description = "Only courses of this topic") @QueryParam("topic") Topic topic,
            @QueryParam("page") Integer page,
            @QueryParam("size") Integer size,
            @Context UriInfo uri) {
        return PagedResponse.of(courses.list(topic, PageRequest.of(page, size)).map(CourseResponse::of), uri);
    }

    @GET
    @Path("/courses/{id}")
    @RolesAllowed(Roles.ANY_PLATFORM_ROLE)
    @Operation(
            operationId = "getCourse",
            summary = "Read a course",
            description = "Any platform role. The course with its ETag, which editCourse needs in If-Match.")
    @APIResponse(
            responseCode = "200",
            description = "The course",
            headers = @Header(name = "ETag"),
            content = @Content(schema = @Schema(implementation = CourseResponse.class)))
    @APIResponse(responseCode = "404", description = "No such course")
    public Response get(@PathParam("id") UUID id) {
        Course c = courses.get(id);
        return Response.ok(CourseResponse.of(c)).tag(ETags.of(c.version)).build();
    }

    @PATCH
    @Path("/courses/{id}")
    @Consumes({MergePatch.MEDIA_TYPE, MediaType.APPLICATION_JSON})
    @RolesAllowed({Roles.TRAINING_PARTNER, Roles.PROGRAMME_ADMIN})
    @Operation(
            operationId = "editCourse",
            summary = "Edit a course (If-Match required)",
            description = "training-partner or programme-admin. A merge patch of the course: the fields sent "
                    + "replace the current ones. If-Match with the ETag read is required (428 without, 412 when the "
                    + "course changed since). Publishes no event: course texts are not part of the events.")
    @APIResponse(
            responseCode = "200",
            description = "Edited",
            headers = @Header(name = "ETag"),
            content = @Content(schema = @Schema(implementation = CourseResponse.class)))
    public Response edit(
            @PathParam("id") UUID id,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Valid @NotNull CourseRequests.Edit edit) {
        Course c = courses.edit(id, edit, ifMatch);
        return Response.ok(CourseResponse.of(c)).tag(ETags.of(c.version)).build();
    }
}
