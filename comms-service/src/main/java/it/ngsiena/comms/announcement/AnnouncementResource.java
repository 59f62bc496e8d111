package it.ngsiena.comms.announcement;

import it.ngsiena.kernel.http.ETags;
import it.ngsiena.kernel.http.IdempotentCreates;
import it.ngsiena.kernel.http.MergePatch;
import it.ngsiena.kernel.http.TimeParams;
import it.ngsiena.kernel.paging.Page;
import it.ngsiena.kernel.paging.PageRequest;
import it.ngsiena.kernel.paging.PagedResponse;
import it.ngsiena.kernel.problem.ProblemException;
import it.ngsiena.kernel.security.Roles;
import it.ngsiena.kernel.text.MarkdownRenderer;
import it.ngsiena.kernel.time.OccurredAt;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
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
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

@Path("/v1/comms")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Announcements", description = "News of the programme for the public, the municipalities and the partners")
public class AnnouncementResource {

    private static final String EDITORS = "comms-partner or programme-admin. ";

    private final AnnouncementService announcements;
    private final AnnouncementAccess access;
    private final MarkdownRenderer markdown;
    private final IdempotentCreates creates;

    AnnouncementResource(
            AnnouncementService announcements,
            AnnouncementAccess access,
            MarkdownRenderer markdown,
            IdempotentCreates creates) {
        this.announcements = announcements;
        this.access = access;
        this.markdown = markdown;
        this.creates = creates;
    }

    @POST
    @Path("/announcements")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.COMMS_PARTNER, Roles.PROGRAMME_ADMIN})
    @Operation(
            operationId = "writeAnnouncement",
            summary = "Write an announcement (a DRAFT)",
            description = EDITORS + "With translationOf, it is the translation of that announcement (or of the"
                    + " original that one translates) into another language. Publishes"
                    + " it.ngsiena.comms.announcement.drafted.v1.")
    @APIResponse(
            responseCode = "201",
            description = "Drafted",
            headers = @Header(name = "Location"),
            content = @Content(schema = @Schema(implementation = AnnouncementResponse.class)))
    @APIResponse(responseCode = "400", description = "Invalid request")
    @APIResponse(responseCode = "409", description = "The original already has a translation in this language")
    @APIResponse(
            responseCode = "422",
            description = "Unknown municipality, or translationOf names no announcement or one in the same language")
    public Response write(
            @HeaderParam(IdempotentCreates.HEADER) String key,
            @Valid @NotNull AnnouncementRequests.Write request,
            @Context UriInfo uri) {
        return creates.create(key, "POST /v1/comms/announcements", request, () -> {
            Announcement a = announcements.write(request);
            return new IdempotentCreates.Created(
                    uri.getAbsolutePathBuilder().path(a.id.toString()).build(), AnnouncementResponse.of(a, null));
        });
    }

    @GET
    @Path("/announcements")
    @PermitAll
    @Operation(
            operationId = "listAnnouncements",
            summary = "List announcements, newest first",
            description = "Anonymous callers get PUBLISHED, PUBLIC announcements; officers also those for the"
                    + " MUNICIPALITIES, partners those for the PARTNERS, viewers both; the comms partner and the"
                    + " admin everything, drafts included (filter with status).")
    @APIResponse(responseCode = "400", description = "Invalid filter or paging")
    @APIResponse(
            responseCode = "200",
            description = "A page of announcements",
            headers = {@Header(name = "Link"), @Header(name = "X-Total-Count")})
    public RestResponse<Page<AnnouncementResponse>> list(
            @Parameter(description = "Only announcements with this tag", example = "formazione") @QueryParam("tag")
                    String tag,
            @Parameter(example = "052032")
                    @QueryParam("municipality")
                    @Pattern(regexp = AnnouncementRequests.ISTAT, message = "must be a 6-digit ISTAT code")
                    String municipality,
            @Parameter(description = "Only announcements in this language: it or en", example = "it")
                    @QueryParam("language")
                    @Pattern(regexp = AnnouncementRequests.LANGUAGE, message = "must be it or en")
                    String language,
            @Parameter(
                            description = "Only the translations of this announcement (the original's id)",
                            example = "0f8d5c3a-1b2e-4d6f-9a7c-3e5b1d2f4a60")
                    @QueryParam("translationOf")
                    UUID translationOf,
            @Parameter(description = "Editors only") @QueryParam("status") AnnouncementStatus status,
            @QueryParam("page") Integer page,
            @QueryParam("size") Integer size,
            @Context UriInfo uri) {
        var filter = new AnnouncementService.Filter(tag, municipality, language, translationOf, status);
        return PagedResponse.of(
                announcements
                        .list(filter, access.audiences(), access.isEditor(), PageRequest.of(page, size))
                        .map(a -> AnnouncementResponse.of(a, null)),
                uri);
    }

    @GET
    @Path("/announcements/{id}")
    @PermitAll
    @Operation(
            operationId = "getAnnouncement",
            summary = "Read an announcement",
            description = "404 when the caller may not see it (a draft, or another audience). With render=html the"
                    + " body also comes as safe HTML.")
    @APIResponse(
            responseCode = "200",
            description = "The announcement",
            headers = @Header(name = "ETag"),
            content = @Content(schema = @Schema(implementation = AnnouncementResponse.class)))
    @APIResponse(responseCode = "404", description = "No such announcement, or not for this caller")
    public Response get(
            @PathParam("id") UUID id,
            @Parameter(description = "html: add bodyHtml")
                    @QueryParam("render")
                    @Pattern(regexp = "html", message = "must be html")
                    String render) {
        Announcement a = announcements
                .find(id)
                .filter(access::maySee)
                .orElseThrow(() -> ProblemException.notFound("Announcement", id));
        return Response.ok(AnnouncementResponse.of(a, render == null ? null : markdown.toSafeHtml(a.body)))
                .tag(ETags.of(a.version))
                .build();
    }

    @PATCH
    @Path("/announcements/{id}")
    @Consumes({MergePatch.MEDIA_TYPE, MediaType.APPLICATION_JSON})
    @RolesAllowed({Roles.COMMS_PARTNER, Roles.PROGRAMME_ADMIN})
    @Operation(
            operationId = "editAnnouncement",
            summary = "Edit a draft or published announcement (If-Match required)",
            description = EDITORS)
    @APIResponse(
            responseCode = "200",
            description = "Edited",
            headers = @Header(name = "ETag"),
            content = @Content(schema = @Schema(implementation = AnnouncementResponse.class)))
    @APIResponse(responseCode = "400", description = "Invalid request")
    @APIResponse(responseCode = "404", description = "No such announcement")
    @APIResponse(responseCode = "409", description = "Archived")
    public Response edit(
            @PathParam("id") UUID id,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Valid @NotNull AnnouncementRequests.Edit request) {
        return withETag(announcements.edit(id, request, ifMatch));
    }

    @POST
    @Path("/announcements/{id}/publish")
    @RolesAllowed({Roles.COMMS_PARTNER, Roles.PROGRAMME_ADMIN})
    @Operation(
            operationId = "publishAnnouncement",
            summary = "Publish a draft (sets the publication time)",
            description = EDITORS + "DRAFT → PUBLISHED; If-Match optional. Publishes announcement published.")
    @APIResponse(
            responseCode = "200",
            description = "Published",
            headers = @Header(name = "ETag"),
            content = @Content(schema = @Schema(implementation = AnnouncementResponse.class)))
    @APIResponse(responseCode = "404", description = "No such announcement")
    @APIResponse(responseCode = "409", description = "Not a DRAFT")
    @APIResponse(responseCode = "422", description = "A publication time in the future or before the programme")
    public Response publish(
            @PathParam("id") UUID id,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Parameter(
                            description =
                                    "Only for an announcement published earlier elsewhere (the partner's site) and"
                                            + " recorded now: when it was published (RFC 3339), not in the future, not before the programme's"
                                            + " start; now when omitted",
                            example = "2022-10-05T12:00:00+02:00")
                    @QueryParam("occurredAt")
                    String occurredAt) {
        return withETag(announcements.publish(id, TimeParams.occurredAt(occurredAt), ifMatch));
    }

    @POST
    @Path("/announcements/{id}/archive")
    @RolesAllowed({Roles.COMMS_PARTNER, Roles.PROGRAMME_ADMIN})
    @Operation(
            operationId = "archiveAnnouncement",
            summary = "Archive a published announcement",
            description = EDITORS + "PUBLISHED → ARCHIVED: it leaves the public lists and feeds. If-Match optional."
                    + " occurredAt dates an archiving recorded afterwards.")
    @APIResponse(
            responseCode = "200",
            description = "Archived",
            headers = @Header(name = "ETag"),
            content = @Content(schema = @Schema(implementation = AnnouncementResponse.class)))
    @APIResponse(responseCode = "404", description = "No such announcement")
    @APIResponse(responseCode = "409", description = "Not PUBLISHED")
    public Response archive(
            @PathParam("id") UUID id,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Parameter(description = OccurredAt.DESCRIPTION + " (RFC 3339)", example = "2022-12-20T12:00:00+01:00")
                    @QueryParam("occurredAt")
                    String occurredAt) {
        return withETag(announcements.archive(id, TimeParams.occurredAt(occurredAt), ifMatch));
    }

    private static Response withETag(Announcement a) {
        return Response.ok(AnnouncementResponse.of(a, null))
                .tag(ETags.of(a.version))
                .build();
    }
}
