package it.ngsiena.gateway;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.SecurityAttribute;
import io.quarkus.test.security.TestSecurity;
import io.restassured.path.json.JsonPath;
import it.ngsiena.contracts.comms.AnnouncementDrafted;
import it.ngsiena.contracts.comms.AnnouncementPublished;
import it.ngsiena.contracts.comms.ItemReference;
import it.ngsiena.contracts.comms.SubscriberConfirmed;
import it.ngsiena.contracts.feasibility.FundingSourceAdded;
import it.ngsiena.contracts.feasibility.StudyAbandoned;
import it.ngsiena.contracts.feasibility.StudyRequested;
import it.ngsiena.contracts.participation.NeedRejected;
import it.ngsiena.contracts.participation.NeedSubmitted;
import it.ngsiena.contracts.training.CertificateIssued;
import it.ngsiena.contracts.training.ParticipantEnrolled;
import it.ngsiena.gateway.activity.ActivityEntry;
import it.ngsiena.kernel.events.EventCodec;
import it.ngsiena.testkit.PlatformTestResource;
import it.ngsiena.testkit.TopicProbe;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.net.HttpURLConnection;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The gateway's authorisation matrix: every read model (feed, live stream, need trace, the records'
 * histories, overview, the municipality list, KPIs, open data) × every kind of caller × an event of each visibility. What each
 * caller may see is written out below from the owning services' own rules (the participation service
 * shows needs to every signed-in caller, the feasibility service shows a study to the partners,
 * viewers, the admin and its municipalities' officers, the training service shows a participant to the
 * training partner, the admin and their municipality's officers, the comms service shows an
 * announcement to its audience and drafts to its editors), not from the gateway's code, so the test
 * fails if any read model shows a caller what the owning service would refuse them, or hides what it
 * would show.
 */
@QuarkusTest
@WithTestResource(PlatformTestResource.class)
@WithTestResource(FakeServicesResource.class)
class AccessMatrixTest {

    static final String SIENA = "052032";
    static final String MONTEPULCIANO = "052015";
    /** Only this test sends events of January 2021, so the month's KPIs and the feed between these times are its own. */
    static final OffsetDateTime AT = OffsetDateTime.of(2021, 1, 15, 10, 0, 0, 0, ZoneOffset.UTC);

    enum Who {
        ANONYMOUS,
        VIEWER,
        TRAINING,
        PARTICIPATION,
        FEASIBILITY,
        COMMS,
        OFFICER_SIENA,
        OFFICER_MONTEPULCIANO,
        ADMIN
    }

    static final Set<Who> EVERYONE = EnumSet.allOf(Who.class);
    static final Set<Who> SIGNED_IN = EnumSet.complementOf(EnumSet.of(Who.ANONYMOUS));

    /** One event of each kind, about Siena, with who may see it according to the owning service. */
    enum Event {
        NEED_SUBMITTED("participation", EVERYONE),
        NEED_REJECTED("participation", SIGNED_IN),
        STUDY_REQUESTED("feasibility", EVERYONE),
        STUDY_ABANDONED(
                "feasibility",
                EnumSet.of(
                        Who.VIEWER,
                        Who.TRAINING,
                        Who.PARTICIPATION,
                        Who.FEASIBILITY,
                        Who.COMMS,
                        Who.OFFICER_SIENA,
                        Who.ADMIN)),
        FUNDING_ADDED("feasibility", STUDY_ABANDONED.readers),
        ENROLMENT("training", EnumSet.of(Who.TRAINING, Who.OFFICER_SIENA, Who.ADMIN)),
        CERTIFICATE("training", ENROLMENT.readers),
        ANNOUNCEMENT_PUBLIC("comms", EVERYONE),
        ANNOUNCEMENT_MUNICIPALITIES(
                "comms", EnumSet.of(Who.VIEWER, Who.COMMS, Who.OFFICER_SIENA, Who.OFFICER_MONTEPULCIANO, Who.ADMIN)),
        ANNOUNCEMENT_PARTNERS(
                "comms",
                EnumSet.of(Who.VIEWER, Who.TRAINING, Who.PARTICIPATION, Who.FEASIBILITY, Who.COMMS, Who.ADMIN)),
        ANNOUNCEMENT_DRAFT("comms", EnumSet.of(Who.COMMS, Who.ADMIN)),
        SUBSCRIBER_CONFIRMED("comms", ANNOUNCEMENT_DRAFT.readers),
        /** Public and sent last: a stream reader has seen everything once it arrives. */
        MARKER("participation", EVERYONE);

        final String workstream;
        final Set<Who> readers;

        Event(String workstream, Set<Who> readers) {
            this.workstream = workstream;
            this.readers = readers;
        }
    }

    static final UUID NEED = UUID.randomUUID();
    static final UUID STUDY = UUID.randomUUID();
    static final UUID PARTICIPANT = UUID.randomUUID();
    static final BigDecimal FUNDING = new BigDecimal("123456.78");
    /** Event id of each event, sent once for the whole class. */
    static final Map<Event, String> IDS = new LinkedHashMap<>();
    /** The record (CloudEvents subject) each event is about. */
    static final Map<Event, UUID> SUBJECTS = new LinkedHashMap<>();

    @ConfigProperty(name = "ngs.events.bootstrap-servers")
    String bootstrap;

    @TestHTTPResource("/v1/activity/stream")
    URL stream;

    @BeforeEach
    void sendTheEventsOnce() {
        synchronized (IDS) {
            if (!IDS.isEmpty()) {
                return;
            }
            List<String> siena = List.of(SIENA);
            List<ItemReference> aboutTheNeed = List.of(new ItemReference("NEED", NEED.toString()));
            UUID session = UUID.randomUUID();
            UUID course = UUID.randomUUID();
            send(Event.NEED_SUBMITTED, NEED, new NeedSubmitted(NEED, "Matrice", "GOVERNANCE", siena, "ONLINE", AT));
            send(Event.NEED_REJECTED, NEED, new NeedRejected(NEED, siena, "Risposta riservata", AT));
            send(
                    Event.STUDY_REQUESTED,
                    STUDY,
                    new StudyRequested(STUDY, List.of(NEED), siena, "Studio", List.of(), null, AT));
            send(Event.STUDY_ABANDONED, STUDY, new StudyAbandoned(STUDY, List.of(NEED), siena, "Motivo riservato", AT));
            send(
                    Event.FUNDING_ADDED,
                    STUDY,
                    new FundingSourceAdded(STUDY, UUID.randomUUID(), "PNRR", "M1C1", FUNDING, "IDENTIFIED", siena, AT));
            send(
                    Event.ENROLMENT,
                    session,
                    new ParticipantEnrolled(
                            UUID.randomUUID(), session, course, PARTICIPANT, SIENA, "EMPLOYEE", "ENROLLED", false, AT));
            send(
                    Event.CERTIFICATE,
                    PARTICIPANT,
                    new CertificateIssued(UUID.randomUUID(), course, PARTICIPANT, SIENA, new BigDecimal("12.0"), AT));
            for (Event e : List.of(
                    Event.ANNOUNCEMENT_PUBLIC, Event.ANNOUNCEMENT_MUNICIPALITIES, Event.ANNOUNCEMENT_PARTNERS)) {
                UUID announcement = UUID.randomUUID();
                send(
                        e,
                        announcement,
                        new AnnouncementPublished(
                                announcement,
                                "Avviso " + e,
                                "Sintesi",
                                "it",
                                e.name().substring("ANNOUNCEMENT_".length()),
                                List.of(),
                                siena,
                                aboutTheNeed,
                                AT));
            }
            UUID draft = UUID.randomUUID();
            send(
                    Event.ANNOUNCEMENT_DRAFT,
                    draft,
                    new AnnouncementDrafted(draft, "Bozza", "it", "PUBLIC", siena, aboutTheNeed, null, AT));
            UUID subscriber = UUID.randomUUID();
            send(Event.SUBSCRIBER_CONFIRMED, subscriber, new SubscriberConfirmed(subscriber, 1, AT));
            UUID marker = UUID.randomUUID();
            send(
                    Event.MARKER,
                    marker,
                    new NeedSubmitted(marker, "Marcatore", "GOVERNANCE", List.of(MONTEPULCIANO), "ONLINE", AT));
            await().atMost(Duration.ofSeconds(30))
                    .pollInterval(Duration.ofMillis(200))
                    .until(() -> QuarkusTransaction.requiringNew()
                                    .call(() -> ActivityEntry.count("eventId in ?1", IDS.values()))
                            == IDS.size());
        }
    }

    private void send(Event event, UUID subject, Record payload) {
        String id = UUID.randomUUID().toString();
        IDS.put(event, id);
        SUBJECTS.put(event, subject);
        byte[] value = EventCodec.encode(
                id,
                "/" + event.workstream + "-service",
                typeOf(payload),
                subject.toString(),
                AT,
                EventCodec.payloadJson(payload));
        new TopicProbe(bootstrap).send("ngs." + event.workstream + ".v1", subject.toString(), value);
    }

    private static String typeOf(Record payload) {
        try {
            return (String) payload.getClass().getField("TYPE").get(null);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    // --- one test per kind of caller ---

    @Test
    @TestSecurity
    void anonymous() throws Exception {
        check(Who.ANONYMOUS);
    }

    @Test
    @TestSecurity(user = "viewer", roles = "viewer")
    void viewer() throws Exception {
        check(Who.VIEWER);
    }

    @Test
    @TestSecurity(user = "euronike", roles = "training-partner")
    void trainingPartner() throws Exception {
        check(Who.TRAINING);
    }

    @Test
    @TestSecurity(user = "codesign", roles = "participation-partner")
    void participationPartner() throws Exception {
        check(Who.PARTICIPATION);
    }

    @Test
    @TestSecurity(user = "openimpact", roles = "feasibility-partner")
    void feasibilityPartner() throws Exception {
        check(Who.FEASIBILITY);
    }

    @Test
    @TestSecurity(user = "ananse", roles = "comms-partner")
    void commsPartner() throws Exception {
        check(Who.COMMS);
    }

    @Test
    @TestSecurity(
            user = "officer-siena",
            roles = "municipality-officer",
            attributes = @SecurityAttribute(key = "municipality", value = SIENA))
    void officerOfSiena() throws Exception {
        check(Who.OFFICER_SIENA);
    }

    @Test
    @TestSecurity(
            user = "officer-montepulciano",
            roles = "municipality-officer",
            attributes = @SecurityAttribute(key = "municipality", value = MONTEPULCIANO))
    void officerOfMontepulciano() throws Exception {
        check(Who.OFFICER_MONTEPULCIANO);
    }

    @Test
    @TestSecurity(user = "admin", roles = "programme-admin")
    void programmeAdmin() throws Exception {
        check(Who.ADMIN);
    }

    /** A claim that is not an ISTAT code names no municipality (it is never read as a list of grants). */
    @Test
    @TestSecurity(
            user = "officer-odd",
            roles = "municipality-officer",
            attributes = @SecurityAttribute(key = "municipality", value = SIENA + ",admin"))
    void anOfficerWhoseClaimIsNotAnIstatCodeSeesNoMunicipalitysEvents() throws Exception {
        check(Who.OFFICER_MONTEPULCIANO);
    }

    @Test
    @TestSecurity(user = "someone", roles = "default-roles-ngs")
    void aTokenWithoutAPlatformRoleSeesWhatAnonymousCallersSee() throws Exception {
        check(Who.ANONYMOUS);
    }

    // --- what each read model shows ---

    private void check(Who who) throws Exception {
        Set<Event> expected = visibleTo(who);
        List<String> wrong = new ArrayList<>();
        compare(wrong, "feed", expected, eventsIn(feed()));
        compare(wrong, "stream", expected, eventsIn(streamed()));
        Set<Event> traced = new TreeSet<>(expected);
        traced.retainAll(EnumSet.range(Event.NEED_SUBMITTED, Event.ANNOUNCEMENT_DRAFT));
        traced.removeAll(EnumSet.of(Event.ENROLMENT, Event.CERTIFICATE));
        compare(
                wrong,
                "need trace",
                traced,
                eventsIn(given().when()
                        .get("/v1/needs/" + NEED + "/trace")
                        .then()
                        .statusCode(200)
                        .extract()
                        .jsonPath()
                        .getList("timeline.eventId", String.class)));
        checkHistories(wrong, expected);
        checkFigures(wrong, who, expected);
        assertThat(wrong)
                .as("what %s sees that the owning service would not show them, or the reverse", who)
                .isEmpty();
    }

    /** The record history an event belongs to (GET /v1/{records}/{id}/history), if its record has one. */
    private static String historyOf(Event e) {
        return switch (e) {
            case NEED_SUBMITTED, NEED_REJECTED, MARKER -> "needs";
            case STUDY_REQUESTED, STUDY_ABANDONED, FUNDING_ADDED -> "studies";
            case ENROLMENT -> "sessions";
            case ANNOUNCEMENT_PUBLIC, ANNOUNCEMENT_MUNICIPALITIES, ANNOUNCEMENT_PARTNERS, ANNOUNCEMENT_DRAFT ->
                "announcements";
            case CERTIFICATE, SUBSCRIBER_CONFIRMED -> null;
        };
    }

    /** Every record's history shows the caller the events about it they may see; none at all is a 404. */
    private static void checkHistories(List<String> wrong, Set<Event> expected) {
        Set<Event> recorded = new TreeSet<>(expected);
        recorded.removeIf(e -> historyOf(e) == null);
        List<String> shown = new ArrayList<>();
        SUBJECTS.entrySet().stream()
                .filter(e -> historyOf(e.getKey()) != null)
                .map(e -> "/v1/" + historyOf(e.getKey()) + "/" + e.getValue() + "/history")
                .distinct()
                .forEach(path -> {
                    var answer = given().queryParam("limit", 100)
                            .when()
                            .get(path)
                            .then()
                            .extract();
                    if (answer.statusCode() == 200) {
                        shown.addAll(answer.jsonPath().getList("items.eventId", String.class));
                    } else if (answer.statusCode() != 404) {
                        wrong.add(path + " answered " + answer.statusCode());
                    }
                });
        compare(wrong, "histories", recorded, eventsIn(shown));
    }

    private static Set<Event> visibleTo(Who who) {
        return EnumSet.allOf(Event.class).stream()
                .filter(e -> e.readers.contains(who))
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(Event.class)));
    }

    private static void compare(List<String> wrong, String where, Set<Event> expected, Set<Event> actual) {
        if (!expected.equals(actual)) {
            Set<Event> extra = new TreeSet<>(actual);
            extra.removeAll(expected);
            Set<Event> missing = new TreeSet<>(expected);
            missing.removeAll(actual);
            wrong.add(where + ": shows " + extra + ", hides " + missing);
        }
    }

    private static Set<Event> eventsIn(List<String> eventIds) {
        Set<Event> events = EnumSet.noneOf(Event.class);
        IDS.forEach((event, id) -> {
            if (eventIds.contains(id)) {
                events.add(event);
            }
        });
        return events;
    }

    private static List<String> feed() {
        return given().queryParam("from", AT.toString())
                .queryParam("to", AT.plusSeconds(1).toString())
                .queryParam("limit", 100)
                .when()
                .get("/v1/activity")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("items.id", String.class);
    }

    /** The live stream from just before the first event, read until the marker arrives (or 10 s pass). */
    private List<String> streamed() throws Exception {
        long before = QuarkusTransaction.requiringNew()
                        .call(() -> ActivityEntry.<ActivityEntry>find("eventId in ?1", IDS.values()).list().stream()
                                .mapToLong(e -> e.seq)
                                .min()
                                .orElseThrow())
                - 1;
        HttpURLConnection connection = (HttpURLConnection) stream.openConnection();
        connection.setRequestProperty("Accept", "text/event-stream");
        connection.setRequestProperty("Last-Event-ID", Long.toString(before));
        connection.setReadTimeout(10_000);
        List<String> ids = new ArrayList<>();
        try (BufferedReader reader =
                new BufferedReader(new InputStreamReader(connection.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.startsWith("data:")) {
                    String id = JsonPath.from(line.substring(5)).getString("id");
                    ids.add(id);
                    if (id.equals(IDS.get(Event.MARKER))) {
                        break;
                    }
                }
            }
        } finally {
            connection.disconnect();
        }
        return ids;
    }

    /** Siena's figures in the overview, the municipality list, the KPIs and the open data, from what the caller sees. */
    private static void checkFigures(List<String> wrong, Who who, Set<Event> seen) {
        long enrolled = seen.contains(Event.ENROLMENT) ? 1 : 0;
        long certificates = seen.contains(Event.CERTIFICATE) ? 1 : 0;
        String needStatus = seen.contains(Event.NEED_REJECTED) ? "REJECTED" : "SUBMITTED";
        String studyStatus = seen.contains(Event.STUDY_ABANDONED) ? "ABANDONED" : "REQUESTED";
        BigDecimal funding = seen.contains(Event.FUNDING_ADDED) ? FUNDING : BigDecimal.ZERO;
        long announcements = seen.stream()
                .filter(e -> e.name().startsWith("ANNOUNCEMENT_") && e != Event.ANNOUNCEMENT_DRAFT)
                .count();

        JsonPath overview = given().when()
                .get("/v1/municipalities/" + SIENA + "/overview")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        expect(wrong, "overview peopleEnrolled", enrolled, overview.getLong("training.peopleEnrolled"));
        expect(wrong, "overview certificates", certificates, overview.getLong("training.certificates"));
        expect(wrong, "overview needsByStatus", Map.of(needStatus, 1), overview.getMap("participation.needsByStatus"));
        expect(
                wrong,
                "overview studiesByStatus",
                Map.of(studyStatus, 1),
                overview.getMap("feasibility.studiesByStatus"));
        expect(
                wrong,
                "overview fundingIdentifiedEur",
                0,
                funding.compareTo(new BigDecimal(overview.getString("feasibility.fundingIdentifiedEur"))));
        expect(wrong, "overview announcements", announcements, overview.getLong("comms.announcements"));

        JsonPath list = given().when()
                .get("/v1/municipalities")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        String siena = "items.find { it.istat == '" + SIENA + "' }";
        expect(wrong, "list certificates", certificates, list.getLong(siena + ".certificates"));
        expect(wrong, "list announcements", announcements, list.getLong(siena + ".announcements"));

        JsonPath kpis = given().when()
                .get("/v1/programme/kpis")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        for (String workstream : List.of("training", "participation", "feasibility", "comms")) {
            long events =
                    seen.stream().filter(e -> e.workstream.equals(workstream)).count();
            Object month = kpis.get("workstreams." + workstream + ".perMonth.'2021-01'");
            expect(wrong, "kpis " + workstream + " 2021-01", events, month == null ? 0L : ((Number) month).longValue());
        }

        String csv = given().when()
                .get("/v1/open-data/municipalities.csv")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        CSVRecord row = parse(csv).stream()
                .filter(r -> r.get("istat_code").equals(SIENA))
                .findFirst()
                .orElseThrow();
        expect(wrong, "open data certificates", certificates, Long.parseLong(row.get("certificates")));
        expect(wrong, "open data people_enrolled", enrolled, Long.parseLong(row.get("people_enrolled")));
        // a caller who may not read Siena's funding gets empty cells, not 0.00 (which would say none was found)
        if (seen.contains(Event.FUNDING_ADDED)) {
            expect(
                    wrong,
                    "open data funding_identified_eur",
                    0,
                    funding.compareTo(new BigDecimal(row.get("funding_identified_eur"))));
        } else {
            expect(
                    wrong,
                    "open data funding cells empty",
                    0,
                    row.get("funding_identified_eur").length()
                            + row.get("funding_awarded_eur").length()
                            + row.get("pnrr_funding_awarded_eur").length());
        }
        expect(wrong, "open data announcements", announcements, Long.parseLong(row.get("announcements")));
    }

    private static List<CSVRecord> parse(String csv) {
        try {
            return CSVFormat.RFC4180
                    .builder()
                    .setHeader()
                    .setSkipHeaderRecord(true)
                    .get()
                    .parse(new java.io.StringReader(csv))
                    .getRecords();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void expect(List<String> wrong, String what, Object expected, Object actual) {
        if (!String.valueOf(expected).equals(String.valueOf(actual))) {
            wrong.add(what + ": expected " + expected + ", got " + actual);
        }
    }
}
