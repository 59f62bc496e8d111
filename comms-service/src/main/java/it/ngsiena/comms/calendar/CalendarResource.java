package it.ngsiena.comms.calendar;

import it.ngsiena.kernel.calendar.ICalendarWriter;
import it.ngsiena.kernel.http.TimeParams;
import it.ngsiena.kernel.paging.Items;
import it.ngsiena.kernel.problem.Problem;
import it.ngsiena.kernel.problem.ProblemException;
import jakarta.annotation.security.PermitAll;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/v1/comms")
@Tag(name = "Calendar", description = "The programme's training sessions and workshops, as JSON and as iCalendar")
public class CalendarResource {

    private static final int MAX_ENTRIES = 2000;

    private final Calendar calendar;

    CalendarResource(Calendar calendar) {
        this.calendar = calendar;
    }

    @Schema(name = "CalendarEntry")
    public record EntryView(
            @Schema(
                    description = "Stable id of the entry (iCalendar UID)",
                    example = "training-session-3f1c…@ngsiena.it")
            String uid,

            @Schema(example = "TRAINING_SESSION") String kind,
            UUID sourceId,

            @Schema(example = "Kickoff online del percorso formativo")
            String title,

            OffsetDateTime startsAt,
            OffsetDateTime endsAt,

            @Schema(description = "Where it takes place: a venue, or the link to join online")
            String location,

            @Schema(description = "Empty for programme-wide events")
            List<String> municipalities,

            @Schema(example = "CONFIRMED") String status,
            int sequence) {

        static EntryView of(CalendarEntry e) {
            return new EntryView(
                    e.uid,
                    e.kind,
                    e.sourceId,
                    e.title,
                    e.startsAt,
                    e.endsAt,
                    e.location,
                    e.municipalities,
                    e.status,
                    e.sequence);
        }
    }

    @GET
    @Path("/calendar")
    @PermitAll
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "listCalendar",
            summary = "The programme calendar in time order",
            description = "Public. With municipality: the events that concern it and the programme-wide ones."
                    + " Cancelled events stay, marked CANCELLED.")
    @APIResponse(responseCode = "200", description = "Calendar entries")
    @APIResponse(responseCode = "400", description = "Invalid filter")
    public Items<EntryView> list(
            @Parameter(example = "052032")
                    @QueryParam("municipality")
                    @Pattern(regexp = "\\d{6}", message = "must be a 6-digit ISTAT code")
                    String municipality,
            @Parameter(description = "Events ending after (RFC 3339)") @QueryParam("from") String from,
            @Parameter(description = "Events starting before (RFC 3339)") @QueryParam("to") String to) {
        return Items.of(
                entries(municipality, from, to).stream().map(EntryView::of).toList());
    }

    @GET
    @Path("/calendar.ics")
    @PermitAll
    @Produces("text/calendar")
    @Operation(
            operationId = "calendarFeed",
            summary = "The programme calendar as an iCalendar feed (RFC 5545)",
            description = "Public; subscribe to it from any calendar client. Same filters as the JSON list.")
    @APIResponse(
            responseCode = "200",
            description = "text/calendar",
            content =
                    @Content(
                            mediaType = "text/calendar",
                            schema =
                                    @Schema(
                                            type =
                                                    org.eclipse.microprofile.openapi.annotations.enums.SchemaType
                                                            .STRING),
                            example = """
                    BEGIN:VCALENDAR
                    VERSION:2.0
                    PRODID:-//Next Generation Siena//Programme calendar//IT
                    CALSCALE:GREGORIAN
                    METHOD:PUBLISH
                    X-WR-CALNAME:Next Generation Siena
                    X-WR-TIMEZONE:Europe/Rome
                    BEGIN:VTIMEZONE
                    TZID:Europe/Rome
                    BEGIN:DAYLIGHT
                    TZOFFSETFROM:+0100
                    TZOFFSETTO:+0200
                    TZNAME:CEST
                    DTSTART:19700329T020000
                    RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU
                    END:DAYLIGHT
                    BEGIN:STANDARD
                    TZOFFSETFROM:+0200
                    TZOFFSETTO:+0100
                    TZNAME:CET
                    DTSTART:19701025T030000
                    RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU
                    END:STANDARD
                    END:VTIMEZONE
                    BEGIN:VEVENT
                    UID:training-session-3fa85f64-5717-4562-b3fc-2c963f66afa6@ngsiena.it
                    DTSTAMP:20220901T080000Z
                    LAST-MODIFIED:20220901T080000Z
                    DTSTART;TZID=Europe/Rome:20221012T093000
                    DTEND;TZID=Europe/Rome:20221012T123000
                    SUMMARY:Kickoff online del percorso formativo
                    LOCATION:https://meet.example.org/ngs-kickoff
                    CATEGORIES:Formazione
                    STATUS:CONFIRMED
                    SEQUENCE:0
                    END:VEVENT
                    END:VCALENDAR
                    """))
    @APIResponse(responseCode = "400", description = "Invalid filter")
    public Response feed(
            @QueryParam("municipality") @Pattern(regexp = "\\d{6}", message = "must be a 6-digit ISTAT code")
                    String municipality,
            @Parameter(description = "Events ending after (RFC 3339)") @QueryParam("from") String from,
            @Parameter(description = "Events starting before (RFC 3339)") @QueryParam("to") String to) {
        List<ICalendarWriter.Event> events = entries(municipality, from, to).stream()
                .map(e -> new ICalendarWriter.Event(
                        e.uid,
                        e.updatedAt,
                        e.startsAt,
                        e.endsAt,
                        e.title,
                        e.location,
                        CalendarEntry.SESSION.equals(e.kind) ? "Formazione" : "Partecipazione",
                        e.status,
                        e.sequence))
                .toList();
        return Response.ok(ICalendarWriter.write("Next Generation Siena", events))
                .type("text/calendar; charset=utf-8")
                .header("Content-Disposition", "inline; filename=\"ngsiena.ics\"")
                .build();
    }

    private List<CalendarEntry> entries(String municipality, String from, String to) {
        List<Problem.Violation> violations = new ArrayList<>();
        OffsetDateTime fromTime = TimeParams.parse("from", from, violations);
        OffsetDateTime toTime = TimeParams.parse("to", to, violations);
        if (!violations.isEmpty()) {
            throw ProblemException.invalid(violations);
        }
        return calendar.list(municipality, fromTime, toTime, MAX_ENTRIES);
    }
}
