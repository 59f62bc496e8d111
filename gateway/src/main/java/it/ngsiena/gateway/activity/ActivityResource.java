package it.ngsiena.gateway.activity;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.ext.web.RoutingContext;
import it.ngsiena.gateway.client.ClientAddresses;
import it.ngsiena.gateway.routing.PublicUrl;
import it.ngsiena.kernel.problem.Problem;
import it.ngsiena.kernel.problem.ProblemException;
import it.ngsiena.kernel.security.Caller;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/v1/activity")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Activity", description = "What happens in the programme, from the events of every workstream")
public class ActivityResource {

    /** A stream sends at most this many entries each time the feed's tail moves. */
    private static final int STREAM_BATCH = 200;

    /** A stream behind what the tail keeps reads at most this many batches from the database per move. */
    private static final int CATCH_UP_BATCHES = 10;

    static final int DEFAULT_LIMIT = 20;
    static final int MAX_LIMIT = 100;

    private final ActivityRepository activity;
    private final ObjectMapper json;
    private final Caller caller;
    private final FeedTail tail;
    private final StreamSlots slots;
    private final StreamsConfig streams;
    private final ClientAddresses clients;
    private final PublicUrl publicUrl;

    ActivityResource(
            ActivityRepository activity,
            ObjectMapper json,
            Caller caller,
            FeedTail tail,
            StreamSlots slots,
            StreamsConfig streams,
            ClientAddresses clients,
            PublicUrl publicUrl) {
        this.activity = activity;
        this.json = json;
        this.caller = caller;
        this.tail = tail;
        this.slots = slots;
        this.streams = streams;
        this.clients = clients;
        this.publicUrl = publicUrl;
    }

    @GET
    @Path("/stream")
    @PermitAll
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @io.smallrye.common.annotation.Blocking
    @Operation(
            operationId = "streamActivity",
            summary = "The activity feed, live (Server-Sent Events)",
            description = "Same filters as the feed (not from/to). Each event's SSE id is its position in the"
                    + " feed: reconnect with Last-Event-ID to resume right after it, without loss or repetition."
                    + " Without Last-Event-ID the stream starts with the next event. Each caller gets the events"
                    + " they may see (see listActivity). A stream opened with a token ends when the token expires,"
                    + " an anonymous one after an hour: reconnect (with a new token) and Last-Event-ID. A caller"
                    + " keeps at most 10 streams open at once (429 beyond), and a server a few thousand (503).")
    @APIResponse(
            responseCode = "200",
            description = "text/event-stream of activity items",
            content =
                    @Content(
                            mediaType = MediaType.SERVER_SENT_EVENTS,
                            schema = @Schema(implementation = ActivityItem.class),
                            example = """
                    id: 1042
                    event: it.ngsiena.participation.need.submitted.v1
                    data: {"id":"b1f0d3a2-5a0e-4a3f-8d2c-1f5e9c0a7b11","type":"it.ngsiena.participation.need.submitted.v1",\
                    "workstream":"participation","source":"/participation-service",\
                    "subject":"3f6c2a7e-6a8b-4f4e-9a57-2f0c1f7b9d10","time":"2022-03-24T10:00:00Z",\
                    "municipalities":["052032"],"title":"Sportello digitale intercomunale",\
                    "data":{"needId":"3f6c2a7e-6a8b-4f4e-9a57-2f0c1f7b9d10","title":"Sportello digitale intercomunale",\
                    "theme":"DIGITAL_TRANSITION","municipalities":["052032"],"origin":"WORKSHOP",\
                    "submittedAt":"2022-03-24T10:00:00Z"}}

                    """))
    @APIResponse(responseCode = "400", description = "Invalid filter or Last-Event-ID")
    @APIResponse(responseCode = "429", description = "The caller has as many streams open as it may")
    @APIResponse(responseCode = "503", description = "The server has as many streams open as it serves")
    public Multi<OutboundSseEvent> stream(
            @QueryParam("municipality") String municipality,
            @Parameter(
                            description =
                                    "Only events of this workstream (training, participation, feasibility, comms) or of the programme itself (programme)")
                    @QueryParam("workstream")
                    String workstream,
            @Parameter(description = "Only events of this type, e.g. it.ngsiena.participation.need.submitted.v1")
                    @QueryParam("type")
                    String type,
            @Parameter(description = "The id of the last event received: the stream resumes right after it")
                    @HeaderParam("Last-Event-ID")
                    String lastEventId,
            @Context Sse sse,
            @Context RoutingContext request) {
        ActivityFilter filter = ActivityFilter.parse(municipality, workstream, type, null, null);
        Set<String> grants = caller.personalGrants();
        boolean signedIn = caller.credentialExpiry().isPresent();
        Instant end = signedIn ? caller.credentialExpiry().get() : Instant.now().plus(streams.anonymousMaxAge());
        long start;
        if (lastEventId != null) {
            try {
                start = Long.parseLong(lastEventId.strip());
            } catch (NumberFormatException e) {
                throw ProblemException.invalid(
                        List.of(new Problem.Violation("Last-Event-ID", "must be the id of an event of this stream")));
            }
        } else {
            start = tail.position();
        }
        StreamSlots.Slot slot = slots.open(signedIn ? "subject:" + caller.name() : "address:" + clients.of(request));
        AtomicLong position = new AtomicLong(start);
        // Each move of the feed's tail (at least one a second) is a look; looks that come during one collapse
        // into the next. The stream ends at the first look after its end: what the caller may see was decided
        // by their token, and an anonymous stream reconnects now and then.
        return Multi.createBy()
                .merging()
                .streams(Multi.createFrom().item(start), tail.moves())
                .onOverflow()
                .dropPreviousItems()
                .select()
                .first(look -> Instant.now().isBefore(end))
                .onItem()
                .transformToUniAndConcatenate(look -> next(filter, grants, position.get()))
                .onItem()
                .transformToIterable(batch -> {
                    position.set(batch.upTo());
                    return batch.entries();
                })
                // each entry's JSON is written once, by the tail, whatever the number of streams sending it
                .map(e -> sse.newEventBuilder()
                        .id(Long.toString(e.entry().seq))
                        .name(e.entry().type)
                        .mediaType(MediaType.TEXT_PLAIN_TYPE)
                        .data(String.class, e.json())
                        .build())
                .onTermination()
                .invoke(slot::close);
    }

    /** The entries after {@code after} for a stream: from the tail's memory, or the database when it is further behind. */
    private Uni<FeedTail.Batch> next(ActivityFilter filter, Set<String> grants, long after) {
        return tail.after(after, filter, grants, STREAM_BATCH)
                .map(kept -> Uni.createFrom().item(kept))
                .orElseGet(() -> Uni.createFrom()
                        .item(() -> catchUp(filter, grants, after))
                        .runSubscriptionOn(Infrastructure.getDefaultWorkerPool()));
    }

    /**
     * A stream's backlog from the database, a few batches at a time. Once it has read everything, the stream has
     * seen all up to where the tail stood before the reads (the tail had read those, so they were stored), and
     * follows the tail's memory from there instead of asking the database again.
     */
    private FeedTail.Batch catchUp(ActivityFilter filter, Set<String> grants, long after) {
        long tailBefore = tail.position();
        List<FeedTail.Kept> entries = new java.util.ArrayList<>();
        long from = after;
        for (int i = 0; i < CATCH_UP_BATCHES; i++) {
            long since = from;
            List<ActivityEntry> batch =
                    QuarkusTransaction.requiringNew().call(() -> activity.after(filter, grants, since, STREAM_BATCH));
            batch.forEach(e -> entries.add(new FeedTail.Kept(e, ActivityItem.jsonOf(e, json))));
            if (!batch.isEmpty()) {
                from = batch.get(batch.size() - 1).seq;
            }
            if (batch.size() < STREAM_BATCH) {
                return new FeedTail.Batch(entries, Math.max(from, tailBefore));
            }
        }
        return new FeedTail.Batch(entries, from);
    }

    @GET
    @PermitAll
    @Operation(
            operationId = "listActivity",
            summary = "The activity feed, newest first",
            description = "Cursor paging: follow nextCursor (or the Link header with rel=next) for older events."
                    + " Each caller sees the events that the owning service would show them, by the visibility"
                    + " the event catalogue declares for each type (x-visibility in the AsyncAPI document):"
                    + " anonymous callers the public ones (courses and sessions, needs submitted and prioritised,"
                    + " workshops, studies requested and completed, funding calls, announcements for the public);"
                    + " signed-in callers also the needs' progress; partners, viewers and the municipalities"
                    + " named the studies and their funding; the training partner and the participant's"
                    + " municipality enrolments and certificates; each audience its announcements.")
    @APIResponse(
            responseCode = "200",
            description = "A page of the feed",
            headers = @Header(name = "Link"),
            content = @Content(schema = @Schema(implementation = ActivityPage.class)))
    @APIResponse(responseCode = "400", description = "Invalid filter")
    public Response list(
            @Parameter(description = "ISTAT code of a municipality", example = "052032") @QueryParam("municipality")
                    String municipality,
            @Parameter(
                            description =
                                    "training, participation, feasibility or comms; programme for the programme's own events (membership)",
                            example = "participation")
                    @QueryParam("workstream")
                    String workstream,
            @Parameter(description = "Event type", example = "it.ngsiena.participation.need.submitted.v1")
                    @QueryParam("type")
                    String type,
            @Parameter(description = "Events at or after this time (RFC 3339)", example = "2022-03-01T00:00:00Z")
                    @QueryParam("from")
                    String from,
            @Parameter(description = "Events before this time (RFC 3339)", example = "2023-01-01T00:00:00Z")
                    @QueryParam("to")
                    String to,
            @Parameter(description = "nextCursor of the previous page") @QueryParam("cursor") String cursor,
            @Parameter(description = "Page size, 1 to 100 (default 20)") @QueryParam("limit") Integer limit,
            @Context UriInfo uri) {
        int size = limit == null ? DEFAULT_LIMIT : limit;
        if (size < 1 || size > MAX_LIMIT) {
            throw ProblemException.invalid(
                    List.of(new Problem.Violation("limit", "must be between 1 and " + MAX_LIMIT)));
        }
        ActivityFilter filter = ActivityFilter.parse(municipality, workstream, type, from, to);
        ActivityCursor after = cursor == null ? null : ActivityCursor.decode(cursor);
        List<ActivityEntry> entries = activity.page(filter, caller.personalGrants(), after, size + 1);
        boolean more = entries.size() > size;
        List<ActivityEntry> shown = more ? entries.subList(0, size) : entries;
        String next = null;
        if (more) {
            ActivityEntry last = shown.get(shown.size() - 1);
            next = new ActivityCursor(last.occurredAt, last.seq).encode();
        }
        Response.ResponseBuilder response =
                Response.ok(new ActivityPage(shown.stream().map(this::item).toList(), next));
        if (next != null) {
            response.links(publicUrl.nextPage(uri, next));
        }
        return response.build();
    }

    private ActivityItem item(ActivityEntry e) {
        return ActivityItem.of(e, json);
    }
}
