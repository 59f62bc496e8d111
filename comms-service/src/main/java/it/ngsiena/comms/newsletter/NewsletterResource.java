package it.ngsiena.comms.newsletter;

import it.ngsiena.kernel.paging.Items;
import it.ngsiena.kernel.security.Roles;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/v1/comms")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Newsletter", description = "Subscriptions with double opt-in, and newsletters sent over SMTP")
public class NewsletterResource {

    private static final String EDITORS = "comms-partner or programme-admin (subscriber e-mails are personal data). ";

    private final SubscriberService subscribers;
    private final NewsletterService newsletters;

    NewsletterResource(SubscriberService subscribers, NewsletterService newsletters) {
        this.subscribers = subscribers;
        this.newsletters = newsletters;
    }

    @POST
    @Path("/subscribers")
    @PermitAll
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "subscribe",
            summary = "Ask for the newsletter: a confirmation link goes by e-mail",
            description = "Anonymous. The subscription stays PENDING until the link is opened (double opt-in). The"
                    + " confirmation e-mail leaves shortly after the answer (and is retried if the mail server is"
                    + " unavailable); an address gets at most 3 of them a day. The answer is the same whether or not"
                    + " the address was known, and whether or not a mail was sent. The gateway also limits sign-ups"
                    + " per client.")
    @APIResponse(
            responseCode = "202",
            description = "Accepted: a confirmation e-mail is on its way",
            content = @Content(schema = @Schema(implementation = NewsletterRequests.SubscriptionState.class)))
    @APIResponse(responseCode = "400", description = "Invalid request")
    @APIResponse(responseCode = "422", description = "Unknown municipality")
    public Response subscribe(@Valid @NotNull NewsletterRequests.Subscribe request) {
        subscribers.subscribe(request);
        return Response.accepted(new NewsletterRequests.SubscriptionState("PENDING"))
                .build();
    }

    @GET
    @Path("/subscribers/confirm")
    @PermitAll
    @Operation(
            operationId = "confirmSubscription",
            summary = "Confirm a subscription (the link in the e-mail)",
            description = "Anonymous: the token of the confirmation e-mail is the credential. Confirms the "
                    + "subscription (double opt-in); 409 when it was unsubscribed or erased meanwhile.")
    @APIResponse(
            responseCode = "200",
            description = "Confirmed",
            content = @Content(schema = @Schema(implementation = NewsletterRequests.SubscriptionState.class)))
    @APIResponse(responseCode = "404", description = "Unknown link")
    @APIResponse(responseCode = "409", description = "Unsubscribed or erased meanwhile")
    public NewsletterRequests.SubscriptionState confirm(
            @Parameter(description = "The token of the link in the e-mail: it is the credential") @QueryParam("token")
                    String token) {
        return new NewsletterRequests.SubscriptionState(subscribers.confirm(token).status);
    }

    @GET
    @Path("/subscribers/unsubscribe")
    @PermitAll
    @Operation(
            operationId = "unsubscribeByLink",
            summary = "Unsubscribe (the link in every newsletter)",
            description = "Anonymous: the token of the link in every newsletter is the credential. Ends the "
                    + "subscription; no newsletter is sent to it afterwards.")
    @APIResponse(
            responseCode = "200",
            description = "Unsubscribed",
            content = @Content(schema = @Schema(implementation = NewsletterRequests.SubscriptionState.class)))
    @APIResponse(responseCode = "404", description = "Unknown link")
    public NewsletterRequests.SubscriptionState unsubscribe(
            @Parameter(description = "The token of the link in the e-mail: it is the credential") @QueryParam("token")
                    String token) {
        return new NewsletterRequests.SubscriptionState(subscribers.unsubscribe(token).status);
    }

    @POST
    @Path("/subscribers/unsubscribe")
    @PermitAll
    @Operation(
            operationId = "unsubscribeOneClick",
            summary = "One-click unsubscribe (RFC 8058, from mail clients)",
            description = "Anonymous: the token of the newsletter's List-Unsubscribe header is the credential. What "
                    + "mail clients call for one-click unsubscribe (RFC 8058); same effect as "
                    + "unsubscribeByLink.")
    @APIResponse(
            responseCode = "200",
            description = "Unsubscribed",
            content = @Content(schema = @Schema(implementation = NewsletterRequests.SubscriptionState.class)))
    @APIResponse(responseCode = "404", description = "Unknown link")
    public NewsletterRequests.SubscriptionState unsubscribeOneClick(
            @Parameter(description = "The token of the link in the e-mail: it is the credential") @QueryParam("token")
                    String token) {
        return unsubscribe(token);
    }

    @GET
    @Path("/subscribers")
    @RolesAllowed({Roles.COMMS_PARTNER, Roles.PROGRAMME_ADMIN})
    @Operation(operationId = "listSubscribers", summary = "List subscribers with their e-mails", description = EDITORS)
    @APIResponse(responseCode = "200", description = "Subscribers, newest first")
    public Items<NewsletterRequests.SubscriberView> list(
            @Parameter(description = "Only subscribers in this state: PENDING, CONFIRMED, UNSUBSCRIBED or ERASED")
                    @QueryParam("status")
                    String status) {
        var found = status == null
                ? Subscriber.<Subscriber>find("order by createdAt desc")
                : Subscriber.<Subscriber>find("status = ?1 order by createdAt desc", status);
        return Items.of(found.page(0, 1000).list().stream()
                .map(NewsletterRequests.SubscriberView::of)
                .toList());
    }

    @GET
    @Path("/subscribers/{id}/export")
    @Transactional
    @RolesAllowed({Roles.COMMS_PARTNER, Roles.PROGRAMME_ADMIN})
    @Operation(
            operationId = "exportSubscriber",
            summary = "Everything held about a subscriber",
            description = EDITORS + "The subscription and every newsletter sent to them.")
    @APIResponse(
            responseCode = "200",
            description = "The export",
            content = @Content(schema = @Schema(implementation = SubscriberExport.class)))
    @APIResponse(responseCode = "404", description = "No such subscriber")
    public SubscriberExport export(@PathParam("id") UUID id) {
        Subscriber s = subscribers.found(id);
        return new SubscriberExport(
                NewsletterRequests.SubscriberView.of(s),
                Delivery.<Delivery>list("subscriberId = ?1 order by sentAt", id).stream()
                        .map(d -> new SubscriberExport.Received(d.newsletterId, d.sentAt, d.outcome))
                        .toList());
    }

    @Schema(name = "SubscriberExport")
    public record SubscriberExport(
            @Schema(description = "The subscriber as recorded")
            NewsletterRequests.SubscriberView subscriber,

            @Schema(description = "The newsletters sent to them")
            List<Received> newsletters) {
        @Schema(name = "SubscriberExportNewsletter")
        public record Received(
                UUID newsletterId,
                java.time.OffsetDateTime sentAt,

                @Schema(description = "Whether the e-mail was sent")
                String outcome) {}
    }

    @DELETE
    @Path("/subscribers/{id}")
    @RolesAllowed({Roles.COMMS_PARTNER, Roles.PROGRAMME_ADMIN})
    @Operation(
            operationId = "eraseSubscriber",
            summary = "Erase a subscriber's address on request",
            description = EDITORS + "The address goes; the send log keeps its lines under the id.")
    @APIResponse(responseCode = "204", description = "Erased")
    @APIResponse(responseCode = "404", description = "No such subscriber")
    public void erase(@PathParam("id") UUID id) {
        subscribers.erase(id);
    }

    @POST
    @Path("/newsletters")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.COMMS_PARTNER, Roles.PROGRAMME_ADMIN})
    @Operation(
            operationId = "composeNewsletter",
            summary = "Compose a newsletter from the announcements since the last",
            description = "comms-partner or programme-admin. Takes the PUBLIC announcements published in its language"
                    + " since the last newsletter sent (and, with topics, only those tagged so).")
    @APIResponse(
            responseCode = "201",
            description = "Composed, not sent",
            content = @Content(schema = @Schema(implementation = NewsletterRequests.NewsletterView.class)))
    @APIResponse(responseCode = "400", description = "Invalid request")
    @APIResponse(responseCode = "422", description = "Nothing new to send")
    public Response compose(@Valid @NotNull NewsletterRequests.Compose request) {
        return Response.status(201)
                .entity(NewsletterRequests.NewsletterView.of(newsletters.compose(request)))
                .build();
    }

    @GET
    @Path("/newsletters/{id}/preview")
    @Transactional
    @RolesAllowed({Roles.COMMS_PARTNER, Roles.PROGRAMME_ADMIN})
    @Produces(MediaType.TEXT_HTML)
    @Operation(
            operationId = "previewNewsletter",
            summary = "The newsletter as subscribers will read it",
            description = "comms-partner or programme-admin. The HTML body subscribers will receive, with a "
                    + "placeholder unsubscribe link.")
    @APIResponse(
            responseCode = "200",
            description = "text/html",
            content =
                    @Content(
                            mediaType = MediaType.TEXT_HTML,
                            schema = @Schema(type = SchemaType.STRING),
                            example =
                                    "<!DOCTYPE html><html lang=\"it\"><head><meta charset=\"utf-8\"><title>Le novità di"
                                            + " ottobre</title></head><body><h1>Le novità di ottobre</h1><article><h2>Studio completato"
                                            + "</h2><p><em>Lo studio sulla navetta è concluso.</em></p><p>Il rapporto è online.</p>"
                                            + "</article><hr><p><a href=\"#unsubscribe\">Annulla l'iscrizione</a></p></body></html>"))
    @APIResponse(responseCode = "404", description = "No such newsletter")
    public String preview(@PathParam("id") UUID id) {
        return newsletters.html(newsletters.found(id), "#unsubscribe");
    }

    @POST
    @Path("/newsletters/{id}/send")
    @RolesAllowed({Roles.COMMS_PARTNER, Roles.PROGRAMME_ADMIN})
    @Operation(
            operationId = "sendNewsletter",
            summary = "Send a composed newsletter over SMTP, once",
            description = "comms-partner or programme-admin. To every CONFIRMED subscriber of its language whose"
                    + " topics and municipalities match, each once: when some deliveries fail the newsletter is"
                    + " INCOMPLETE and sending it again resumes with those; when all went it is SENT and newsletter"
                    + " sent is published (counts only). A send while another is running is a 409.")
    @APIResponse(
            responseCode = "200",
            description = "SENT, or INCOMPLETE when some deliveries failed (send again to" + " resume)",
            content = @Content(schema = @Schema(implementation = NewsletterRequests.NewsletterView.class)))
    @APIResponse(responseCode = "404", description = "No such newsletter")
    @APIResponse(responseCode = "409", description = "Already sent, or being sent")
    public NewsletterRequests.NewsletterView send(@PathParam("id") UUID id) {
        return NewsletterRequests.NewsletterView.of(newsletters.send(id));
    }

    @GET
    @Path("/newsletters/{id}/deliveries")
    @RolesAllowed({Roles.COMMS_PARTNER, Roles.PROGRAMME_ADMIN})
    @Operation(
            operationId = "newsletterSendLog",
            summary = "The send log of a newsletter (subscriber ids)",
            description = "comms-partner or programme-admin. One line per subscriber the newsletter went to, or "
                    + "failed to reach: subscriber id, time and outcome (no e-mail addresses).")
    @APIResponse(responseCode = "200", description = "One line per subscriber")
    @APIResponse(responseCode = "404", description = "No such newsletter")
    public Items<NewsletterRequests.DeliveryView> deliveries(@PathParam("id") UUID id) {
        return Items.of(newsletters.log(id).stream()
                .map(d -> new NewsletterRequests.DeliveryView(d.subscriberId, d.sentAt, d.outcome))
                .toList());
    }
}
