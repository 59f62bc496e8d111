package it.ngsiena.comms.notification;

import it.ngsiena.kernel.paging.Page;
import it.ngsiena.kernel.paging.PageRequest;
import it.ngsiena.kernel.paging.PagedQuery;
import it.ngsiena.kernel.paging.PagedResponse;
import it.ngsiena.kernel.paging.Where;
import it.ngsiena.kernel.problem.ProblemException;
import it.ngsiena.kernel.security.Caller;
import it.ngsiena.kernel.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

/** The caller's inbox: what they were told of (docs/notifications.md says who is told what). */
@Path("/v1/notifications")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ANY_PLATFORM_ROLE)
@Tag(name = "Notifications", description = "What each person with an account is told of, and how")
public class NotificationResource {

    private final Caller caller;

    NotificationResource(Caller caller) {
        this.caller = caller;
    }

    @GET
    @Operation(
            operationId = "listNotifications",
            summary = "The caller's notifications, newest first",
            description = "Every event the caller was told of (docs/notifications.md: who is told what), read or"
                    + " not. unread=true keeps the unread ones.")
    @APIResponse(
            responseCode = "200",
            description = "A page of the inbox",
            headers = {@Header(name = "Link"), @Header(name = "X-Total-Count")})
    public RestResponse<Page<NotificationView>> list(
            @Parameter(description = "true: only the unread ones", example = "true") @QueryParam("unread")
                    Boolean unread,
            @QueryParam("page") Integer page,
            @QueryParam("size") Integer size,
            @Context UriInfo uri) {
        Where where = new Where()
                .always("recipient = :recipient", "recipient", caller.subject())
                .and("readAt is null and :unread = true", "unread", Boolean.TRUE.equals(unread) ? true : null);
        Page<Notification> found = PagedQuery.find(
                Notification.class, where, "order by createdAt desc, id desc", PageRequest.of(page, size));
        return PagedResponse.of(found.map(NotificationView::of), uri);
    }

    @GET
    @Path("/unread-count")
    @Operation(
            operationId = "countUnreadNotifications",
            summary = "How many of the caller's notifications are unread",
            description = "For a badge: cheap to ask often.")
    @APIResponse(
            responseCode = "200",
            description = "The count",
            content = @Content(schema = @Schema(implementation = NotificationView.Unread.class)))
    public NotificationView.Unread unread() {
        return new NotificationView.Unread(Notification.count("recipient = ?1 and readAt is null", caller.subject()));
    }

    @POST
    @Path("/{id}/read")
    @Transactional
    @Operation(
            operationId = "markNotificationRead",
            summary = "Mark one of the caller's notifications read",
            description = "Marking it again changes nothing (readAt stays the first time). Another person's"
                    + " notification is not found.")
    @APIResponse(
            responseCode = "200",
            description = "The notification, read",
            content = @Content(schema = @Schema(implementation = NotificationView.class)))
    public NotificationView read(@PathParam("id") UUID id) {
        Notification n = Notification.findById(id);
        if (n == null || !n.recipient.equals(caller.subject())) {
            throw ProblemException.notFound("Notification", id);
        }
        if (n.readAt == null) {
            n.readAt = OffsetDateTime.now(ZoneOffset.UTC);
        }
        return NotificationView.of(n);
    }

    @GET
    @Path("/preferences")
    @Transactional
    @Operation(
            operationId = "getNotificationPreferences",
            summary = "How the caller is told",
            description = "Until the caller chooses: Italian, and a mail at once for every category.")
    @APIResponse(
            responseCode = "200",
            description = "The caller's preferences",
            content = @Content(schema = @Schema(implementation = Preferences.class)))
    public Preferences preferences() {
        return Preferences.of(caller.subject());
    }

    @PUT
    @Path("/preferences")
    @Consumes(MediaType.APPLICATION_JSON)
    @Transactional
    @Operation(
            operationId = "putNotificationPreferences",
            summary = "Choose how the caller is told",
            description = "The language of the mails and, per category, IMMEDIATE or OFF; categories left out are"
                    + " IMMEDIATE. The inbox holds every notification whatever is chosen.")
    @RequestBody(content = @Content(example = """
            {"language":"en","modes":{"NEEDS":"IMMEDIATE","TRAINING":"OFF"}}"""))
    @APIResponse(
            responseCode = "200",
            description = "The preferences now, every category said",
            content = @Content(schema = @Schema(implementation = Preferences.class)))
    public Preferences choose(Preferences chosen) {
        if (chosen == null || chosen.language() == null || !chosen.language().matches("it|en")) {
            throw ProblemException.invalid(
                    java.util.List.of(new it.ngsiena.kernel.problem.Problem.Violation("language", "must be it or en")));
        }
        return chosen.save(caller.subject());
    }

    @POST
    @Path("/read-all")
    @Transactional
    @Operation(
            operationId = "markAllNotificationsRead",
            summary = "Mark every notification of the caller read",
            description = "Those unread now; those that arrive later stay unread.")
    @APIResponse(
            responseCode = "200",
            description = "How many were marked",
            content = @Content(schema = @Schema(implementation = NotificationView.Marked.class)))
    public NotificationView.Marked readAll() {
        long marked = Notification.update(
                "readAt = ?1 where recipient = ?2 and readAt is null",
                OffsetDateTime.now(ZoneOffset.UTC),
                caller.subject());
        return new NotificationView.Marked(marked);
    }
}
