package it.ngsiena.gateway.webhook;

import it.ngsiena.gateway.routing.PublicUrl;
import it.ngsiena.kernel.paging.Items;
import it.ngsiena.kernel.problem.Problem;
import it.ngsiena.kernel.problem.ProblemException;
import it.ngsiena.kernel.security.Caller;
import it.ngsiena.kernel.security.Roles;
import jakarta.annotation.security.RolesAllowed;
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
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/v1/webhooks")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({
    Roles.PROGRAMME_ADMIN,
    Roles.MUNICIPALITY_OFFICER,
    Roles.TRAINING_PARTNER,
    Roles.PARTICIPATION_PARTNER,
    Roles.FEASIBILITY_PARTNER,
    Roles.COMMS_PARTNER
})
@Tag(
        name = "Webhooks",
        description = "Signed deliveries of the programme's events to a municipality's or partner's"
                + " systems: CloudEvents 1.0 (structured mode) signed in the Standard Webhooks scheme, in feed order, at"
                + " least once")
public class WebhookResource {

    private static final int MAX_LIMIT = 100;

    private final WebhookSubscriptions subscriptions;
    private final Caller caller;
    private final PublicUrl publicUrl;

    WebhookResource(WebhookSubscriptions subscriptions, Caller caller, PublicUrl publicUrl) {
        this.subscriptions = subscriptions;
        this.caller = caller;
        this.publicUrl = publicUrl;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "createWebhookSubscription",
            summary = "Subscribe an endpoint to the programme's events",
            description = "A municipality officer subscribes to their municipality's events, a partner to its"
                    + " workstream's, the admin to any. Deliveries carry only what the owner may read (as in the"
                    + " activity feed) and start with the next event of the feed; replayWebhookSubscription sends"
                    + " older ones. The URL must be https and resolve to public addresses only. The answer holds"
                    + " the signing secret, shown this once.")
    @APIResponse(
            responseCode = "201",
            description = "Registered; the secret is in the body",
            content = @Content(schema = @Schema(implementation = SubscriptionSecret.class)))
    @APIResponse(
            responseCode = "422",
            description = "A refused URL (not https, private or reserved addresses),"
                    + " an unknown event type or municipality, or too many subscriptions")
    public Response create(@Valid @NotNull SubscriptionRequest request) {
        SubscriptionSecret created = subscriptions.create(request, caller);
        return Response.created(
                        publicUrl.of("/v1/webhooks/" + created.subscription().id()))
                .entity(created)
                .build();
    }

    @GET
    @Operation(
            operationId = "listWebhookSubscriptions",
            summary = "The caller's webhook subscriptions",
            description = "The caller's own subscriptions; the admin's list has everyone's.")
    public Items<SubscriptionView> list() {
        return Items.of(
                subscriptions.list(caller).stream().map(SubscriptionView::of).toList());
    }

    @GET
    @Path("/{id}")
    @Operation(
            operationId = "getWebhookSubscription",
            summary = "A webhook subscription and how its deliveries go",
            description = "Its owner's and the admin's: anyone else gets 404.")
    @APIResponse(
            responseCode = "200",
            description = "The subscription",
            content = @Content(schema = @Schema(implementation = SubscriptionView.class)))
    @APIResponse(responseCode = "404", description = "No such subscription of the caller's")
    public SubscriptionView get(@PathParam("id") UUID id) {
        return SubscriptionView.of(subscriptions.get(id, caller));
    }

    @DELETE
    @Path("/{id}")
    @Operation(
            operationId = "deleteWebhookSubscription",
            summary = "Stop and delete a webhook subscription",
            description = "Deliveries stop; its delivery log goes with it.")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "404", description = "No such subscription of the caller's")
    public Response delete(@PathParam("id") UUID id) {
        subscriptions.delete(id, caller);
        return Response.noContent().build();
    }

    @POST
    @Path("/{id}/secret")
    @Operation(
            operationId = "rotateWebhookSecret",
            summary = "A new signing secret",
            description = "Deliveries are signed with the new secret and, for the overlap period"
                    + " (previousSecretValidUntil, 24 hours by default), with the old one too: webhook-signature"
                    + " then holds two signatures, and a receiver accepts either while it changes its key.")
    @APIResponse(
            responseCode = "200",
            description = "The new secret, shown this once",
            content = @Content(schema = @Schema(implementation = SubscriptionSecret.class)))
    public SubscriptionSecret rotateSecret(@PathParam("id") UUID id) {
        return subscriptions.rotateSecret(id, caller);
    }

    @POST
    @Path("/{id}/replay")
    @Operation(
            operationId = "replayWebhookSubscription",
            summary = "Deliver events again, from an event or a time",
            description = "Moves the subscription back to the event fromEventId (included), or to the first event"
                    + " the platform received at or after from; every matching event from there is delivered again,"
                    + " in feed order (receivers de-duplicate on webhook-id). Resets the retry schedule.")
    @APIResponse(
            responseCode = "200",
            description = "The subscription, moved back",
            content = @Content(schema = @Schema(implementation = SubscriptionView.class)))
    @APIResponse(responseCode = "400", description = "Neither or both of fromEventId and from, or an unreadable time")
    @APIResponse(responseCode = "422", description = "No event with that id that the owner may read")
    public SubscriptionView replay(
            @PathParam("id") UUID id,
            @Parameter(
                            description = "The id of the first event to deliver again",
                            example = "b1f0d3a2-5a0e-4a3f-8d2c-1f5e9c0a7b11")
                    @QueryParam("fromEventId")
                    String fromEventId,
            @Parameter(
                            description = "Deliver again what the platform received at or after this time (RFC 3339)",
                            example = "2026-11-30T08:00:00+01:00",
                            schema = @Schema(format = "date-time"))
                    @QueryParam("from")
                    String from) {
        return SubscriptionView.of(subscriptions.replay(id, fromEventId, from, caller));
    }

    @POST
    @Path("/{id}/resume")
    @Operation(
            operationId = "resumeWebhookSubscription",
            summary = "Start a suspended subscription again",
            description = "Deliveries start again from the event that was not delivered, with a new retry window.")
    @APIResponse(
            responseCode = "200",
            description = "The subscription, active",
            content = @Content(schema = @Schema(implementation = SubscriptionView.class)))
    @APIResponse(
            responseCode = "409",
            description = "Its owner may not receive what it was granted now (an account disabled, a role taken"
                    + " away): subscriptionStatus gives its status, still SUSPENDED")
    @APIResponse(
            responseCode = "503",
            description = "Whether the owner may receive the deliveries cannot be checked now (the directory does"
                    + " not answer)")
    public SubscriptionView resume(@PathParam("id") UUID id) {
        return SubscriptionView.of(subscriptions.resume(id, caller));
    }

    @GET
    @Path("/{id}/deliveries")
    @Operation(
            operationId = "listWebhookDeliveries",
            summary = "A subscription's delivery log, newest first",
            description = "Every attempt: the event, its outcome, the receiver's status, the error, the latency.")
    @APIResponse(
            responseCode = "200",
            description = "A page of the log",
            content = @Content(schema = @Schema(implementation = DeliveryPage.class)))
    public DeliveryPage deliveries(
            @PathParam("id") UUID id,
            @Parameter(description = "nextCursor of the previous page") @QueryParam("cursor") String cursor,
            @Parameter(description = "Page size, 1 to 100 (default 20)") @QueryParam("limit") Integer limit) {
        int size = limit == null ? 20 : limit;
        if (size < 1 || size > MAX_LIMIT) {
            throw ProblemException.invalid(
                    List.of(new Problem.Violation("limit", "must be between 1 and " + MAX_LIMIT)));
        }
        Long before = null;
        if (cursor != null) {
            try {
                before = Long.parseLong(cursor);
            } catch (NumberFormatException e) {
                throw ProblemException.invalid(
                        List.of(new Problem.Violation("cursor", "must be a nextCursor of this log")));
            }
        }
        List<WebhookDelivery> page = subscriptions.deliveries(id, before, size + 1, caller);
        boolean more = page.size() > size;
        List<WebhookDelivery> shown = more ? page.subList(0, size) : page;
        return new DeliveryPage(
                shown.stream().map(DeliveryView::of).toList(),
                more ? Long.toString(shown.get(shown.size() - 1).id) : null);
    }
}
