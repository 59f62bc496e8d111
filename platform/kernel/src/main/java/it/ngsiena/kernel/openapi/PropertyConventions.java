package it.ngsiena.kernel.openapi;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What a property means when its name follows one of the platform's conventions, said once for every
 * schema of the API documents (the services' records and the contracts' event schemas): ids and their
 * resource, instants ending in {@code At}, amounts in EUR, ISTAT codes, the paging and problem fields,
 * the Italian and English labels. A property whose meaning its name does not give has its own
 * description where it is declared; this never replaces one.
 */
public final class PropertyConventions {

    private static final Map<String, String> NAMES = Map.ofEntries(
            Map.entry("municipalities", "ISTAT codes (6 digits) of the municipalities concerned"),
            Map.entry("municipality", "ISTAT code (6 digits) of the municipality"),
            Map.entry("istat", "ISTAT code (6 digits) of the municipality"),
            Map.entry("istatCode", "ISTAT code (6 digits) of the municipality"),
            Map.entry("eligibleMunicipalities", "ISTAT codes of the municipalities that may apply (empty: all)"),
            Map.entry("endorsers", "ISTAT codes of the municipalities that endorsed it"),
            Map.entry("version", "Version of the record, as in its ETag: send it in If-Match to change the record"),
            Map.entry("status", "Current status"),
            Map.entry("previousStatus", "Status before this change"),
            Map.entry("title", "Title"),
            Map.entry("titleIt", "Title in Italian"),
            Map.entry("titleEn", "Title in English"),
            Map.entry("description", "Description (free text)"),
            Map.entry("summary", "Short summary"),
            Map.entry("body", "Full text"),
            Map.entry("name", "Name"),
            Map.entry("note", "Note (free text)"),
            Map.entry("language", "Language of the text: it (Italian) or en (English)"),
            Map.entry("labelIt", "Label in Italian"),
            Map.entry("labelEn", "Label in English"),
            Map.entry("code", "Code"),
            Map.entry("items", "The items of this page or list"),
            Map.entry("total", "Items matching the filters, over all pages"),
            Map.entry("totalPages", "Pages at this page size"),
            Map.entry("page", "Zero-based number of this page"),
            Map.entry("size", "Items per page"),
            Map.entry("startsAt", "When it starts"),
            Map.entry("endsAt", "When it ends"),
            Map.entry("at", "When it happened"),
            Map.entry("reason", "Why (free text)"),
            Map.entry("theme", "Theme code (see the themes list)"),
            Map.entry("themes", "Theme codes (see the themes list)"),
            Map.entry("topic", "Topic code (see the topics list)"),
            Map.entry("topics", "Topic codes (see the topics list)"),
            Map.entry("tags", "Free tags"),
            Map.entry("audience", "Who may read it: PUBLIC, MUNICIPALITIES or PARTNERS"),
            Map.entry("pnrrComponent", "PNRR mission and component, e.g. M1C1 (PNRR funding only)"),
            Map.entry("kind", "Kind"),
            Map.entry("email", "E-mail address"),
            Map.entry("url", "Address (URL)"),
            Map.entry(
                    "sequence",
                    "Revision of the date and place (iCalendar SEQUENCE): it goes up each time they change"
                            + " or the event is cancelled"),
            Map.entry("sourceEventId", "Id of the event that caused it, when another workstream's event did"),
            Map.entry("leadOrganisation", "Organisation leading the work"),
            Map.entry("leadRole", "Role of the person leading the work (a role, never a name)"),
            Map.entry("references", "What it is about: needs, studies, sessions, courses or workshops"),
            Map.entry("type", "Type"),
            // The domain's words: one meaning wherever they appear, in requests, answers and events.
            Map.entry("plannedHours", "Hours the course plans in total"),
            Map.entry(
                    "certificateThresholdPercent",
                    "Share of the planned hours (percent) a participant must attend" + " to be certified"),
            Map.entry("deliveredHours", "Hours the session actually lasted"),
            Map.entry("attendedHours", "Hours the participant attended"),
            Map.entry("capacity", "Places available"),
            Map.entry("venue", "Where it takes place (address or room), for sessions held in person"),
            Map.entry("place", "Where it takes place (address or room)"),
            Map.entry("meetingLink", "Link to join online, for sessions or workshops held online"),
            Map.entry("format", "Format of the session: ONLINE_SEMINAR, IN_PERSON_DAY or CAPACITY_LAB"),
            Map.entry("cancelReason", "Why it was cancelled"),
            Map.entry("abandonReason", "Why it was abandoned"),
            Map.entry("dueOn", "Date by which it is due"),
            Map.entry("reachedOn", "Date it was reached"),
            Map.entry("opensOn", "Date from which applications are accepted"),
            Map.entry("deadline", "Last date for applications"),
            Map.entry("funder", "Who provides the funds (a ministry, the Region, the EU, a foundation)"),
            Map.entry("programme", "Funding programme or call it comes from"),
            Map.entry("pnrrMeasure", "PNRR measure or investment within the component, e.g. 1.2 (PNRR funding only)"),
            Map.entry("mission", "PNRR mission, M1 to M7"),
            Map.entry("cup", "Codice Unico di Progetto (CUP) of the funded project: 15 capital letters and digits"),
            Map.entry("verdict", "Verdict of the study: FEASIBLE, FEASIBLE_WITH_CONDITIONS or NOT_FEASIBLE"),
            Map.entry("conditions", "The conditions of a FEASIBLE_WITH_CONDITIONS verdict"),
            Map.entry("scope", "What the study covers (free text)"),
            Map.entry("rationale", "Why the need was prioritised"),
            Map.entry("answer", "The answer given to the municipalities when the need was rejected"),
            Map.entry("origin", "How the need was collected: WORKSHOP, ONLINE or SURVEY"),
            Map.entry("proposerOrganisation", "Organisation that proposed the solution"),
            Map.entry("submitterOrganisation", "Organisation that submitted the need, when not a municipality"),
            Map.entry("facilitator", "Organisation facilitating the workshop"),
            Map.entry("minutes", "Minutes of the workshop: what was discussed and decided"),
            Map.entry("attendanceCount", "People who took part"),
            Map.entry("threshold", "Endorsing municipalities it takes for a need to become area-wide"),
            Map.entry("score", "How well the opportunity fits the study, 0 to 100"),
            Map.entry("reasons", "Why they fit, one line each"),
            Map.entry("role", "Role of the participant in their administration: ADMINISTRATOR or EMPLOYEE"),
            Map.entry("participantRole", "Role of the participant in their administration: ADMINISTRATOR or EMPLOYEE"),
            Map.entry("unit", "Unit of measure of the indicator"),
            Map.entry("baseline", "Value of the indicator before the project"),
            Map.entry("target", "Value of the indicator the project aims at"),
            Map.entry("confirmedSubscribers", "Subscribers with a confirmed subscription, after this change"),
            Map.entry("recipients", "Confirmed subscribers it was sent to"),
            Map.entry("deadAt", "When a consumer set the record aside as a dead letter"),
            Map.entry("joinedOn", "Date the municipality joined the programme"),
            Map.entry("leftOn", "Date the municipality left the programme (absent while it takes part)"));

    private static final Pattern CAMEL = Pattern.compile("([a-z0-9])([A-Z])");

    private PropertyConventions() {}

    /** The description of {@code property} of schema {@code schema} by convention, if its name follows one. */
    public static Optional<String> describe(String schema, String property) {
        String known = NAMES.get(property);
        if (known != null) {
            return Optional.of(known);
        }
        if (property.equals("id")) {
            return Optional.of(resourceOf(schema).map(r -> "Id of the " + r).orElse("Id"));
        }
        if (property.endsWith("LabelIt") || property.endsWith("LabelEn")) {
            String of = words(property.substring(0, property.length() - 7));
            return Optional.of("Label of the " + of + " in " + (property.endsWith("It") ? "Italian" : "English"));
        }
        if (property.endsWith("Ids") && property.length() > 3) {
            return Optional.of("Ids of the " + words(property.substring(0, property.length() - 3)) + "s");
        }
        if (property.endsWith("Id") && property.length() > 2) {
            return Optional.of("Id of the " + words(property.substring(0, property.length() - 2)));
        }
        if (property.endsWith("At") && property.length() > 2) {
            return Optional.of("When it was " + words(property.substring(0, property.length() - 2)));
        }
        if (property.endsWith("Eur") && property.length() > 3) {
            String what = words(property.substring(0, property.length() - 3));
            return Optional.of(Character.toUpperCase(what.charAt(0)) + what.substring(1) + " in EUR");
        }
        return Optional.empty();
    }

    /** {@code NeedResponse}, {@code NeedSubmittedV1Data}, {@code Need}: "need". */
    static Optional<String> resourceOf(String schema) {
        if (schema == null || schema.isBlank()) {
            return Optional.empty();
        }
        String bare = schema.replaceAll("(V\\d+)?(Response|Request|View|Data|Summary|Edit|Change)$", "")
                .replaceAll("^(Items|Page)", "");
        return bare.isEmpty() ? Optional.empty() : Optional.of(words(bare));
    }

    private static String words(String camel) {
        return CAMEL.matcher(camel).replaceAll("$1 $2").toLowerCase(Locale.ROOT);
    }
}
