package it.ngsiena.comms.notification;

import com.fasterxml.jackson.databind.JsonNode;
import it.ngsiena.contracts.Readers;
import it.ngsiena.contracts.Workstream;
import it.ngsiena.contracts.comms.AnnouncementPublished;
import it.ngsiena.contracts.feasibility.FundingSourceAdded;
import it.ngsiena.contracts.feasibility.OpportunityChanged;
import it.ngsiena.contracts.feasibility.OpportunityPublished;
import it.ngsiena.contracts.feasibility.StudyAbandoned;
import it.ngsiena.contracts.feasibility.StudyCompleted;
import it.ngsiena.contracts.feasibility.StudyRequested;
import it.ngsiena.contracts.feasibility.StudyStarted;
import it.ngsiena.contracts.participation.NeedAreaWideEnded;
import it.ngsiena.contracts.participation.NeedBecameAreaWide;
import it.ngsiena.contracts.participation.NeedPrioritised;
import it.ngsiena.contracts.participation.NeedRejected;
import it.ngsiena.contracts.participation.NeedStatusChanged;
import it.ngsiena.contracts.programme.WebhookSubscriptionSuspended;
import it.ngsiena.contracts.training.AttendanceRecorded;
import it.ngsiena.contracts.training.CertificateIssued;
import it.ngsiena.contracts.training.CertificateRevoked;
import it.ngsiena.contracts.training.EnrolmentWithdrawn;
import it.ngsiena.contracts.training.ParticipantEnrolled;
import it.ngsiena.contracts.training.SessionCancelled;
import it.ngsiena.contracts.training.SessionHeld;
import it.ngsiena.contracts.training.SessionRescheduled;
import it.ngsiena.kernel.events.EventReaders;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Who is told what (docs/notifications.md holds the same table, NotificationRulesTest keeps the two equal): for
 * each event type, its category, whom it is for, and its title in Italian and English. Whom it is for is said in
 * the names of {@link Readers}; a person is told only when the event's visibility also lets them read it.
 */
public final class NotificationRules {

    /** Whom an event is for, worked out from its data. */
    public enum Told {
        /** The officers of the municipalities the event names. */
        OFFICERS_NAMED,
        /** The officers of the municipalities with staff enrolled in the event's session (SessionStaff). */
        OFFICERS_ENROLLED,
        /** The officers of the municipalities whose staff attended (the event's attendance totals). */
        OFFICERS_ATTENDING,
        /** Every municipality officer. */
        OFFICERS,
        /** The four partners. */
        PARTNERS,
        PARTICIPATION_PARTNER,
        FEASIBILITY_PARTNER,
        TRAINING_PARTNER,
        ADMIN,
        /** The one reader a notice is addressed to ({@code addressedTo}). */
        ADDRESSED,
        /** Everyone with an account whom the announcement's audience includes. */
        AUDIENCE
    }

    /** The rule of one event type; {@code %s} in a title is the event's title, or what it is about. */
    public record Rule(Category category, List<Told> told, String titleIt, String titleEn) {}

    private static final Map<String, Rule> RULES = new LinkedHashMap<>();

    static {
        rule(
                NeedStatusChanged.TYPE,
                Category.NEEDS,
                "Il bisogno %s ha cambiato stato",
                "Need %s changed status",
                Told.OFFICERS_NAMED);
        rule(
                NeedPrioritised.TYPE,
                Category.NEEDS,
                "Bisogno prioritario: %s",
                "Need prioritised: %s",
                Told.OFFICERS_NAMED);
        rule(NeedRejected.TYPE, Category.NEEDS, "Bisogno respinto: %s", "Need rejected: %s", Told.OFFICERS_NAMED);
        rule(
                NeedBecameAreaWide.TYPE,
                Category.NEEDS,
                "Il bisogno %s è ora di area vasta",
                "Need %s is now area-wide",
                Told.OFFICERS_NAMED,
                Told.PARTICIPATION_PARTNER);
        rule(
                NeedAreaWideEnded.TYPE,
                Category.NEEDS,
                "Il bisogno %s non è più di area vasta",
                "Need %s is no longer area-wide",
                Told.OFFICERS_NAMED,
                Told.PARTICIPATION_PARTNER);
        rule(
                StudyRequested.TYPE,
                Category.STUDIES,
                "Studio di fattibilità richiesto: %s",
                "Feasibility study requested: %s",
                Told.OFFICERS_NAMED,
                Told.FEASIBILITY_PARTNER);
        rule(
                StudyStarted.TYPE,
                Category.STUDIES,
                "Studio di fattibilità avviato: %s",
                "Feasibility study started: %s",
                Told.OFFICERS_NAMED);
        rule(
                StudyCompleted.TYPE,
                Category.STUDIES,
                "Studio di fattibilità concluso: %s",
                "Feasibility study completed: %s",
                Told.OFFICERS_NAMED,
                Told.ADMIN);
        rule(
                StudyAbandoned.TYPE,
                Category.STUDIES,
                "Studio di fattibilità abbandonato: %s",
                "Feasibility study abandoned: %s",
                Told.OFFICERS_NAMED,
                Told.ADMIN);
        rule(
                FundingSourceAdded.TYPE,
                Category.FUNDING,
                "Nuovo finanziamento per lo studio %s",
                "New funding for study %s",
                Told.OFFICERS_NAMED);
        rule(
                OpportunityPublished.TYPE,
                Category.FUNDING,
                "Nuovo bando: %s",
                "New funding call: %s",
                Told.PARTNERS,
                Told.OFFICERS);
        // the officers of the municipalities of the studies matched to the call
        rule(
                OpportunityChanged.TYPE,
                Category.FUNDING,
                "Bando corretto: %s",
                "Funding call corrected: %s",
                Told.OFFICERS_NAMED,
                Told.FEASIBILITY_PARTNER);
        rule(
                ParticipantEnrolled.TYPE,
                Category.TRAINING,
                "Nuova iscrizione alla sessione %s",
                "New enrolment in session %s",
                Told.OFFICERS_NAMED,
                Told.TRAINING_PARTNER);
        rule(
                SessionRescheduled.TYPE,
                Category.TRAINING,
                "Sessione %s spostata",
                "Session %s moved",
                Told.OFFICERS_ENROLLED);
        rule(
                SessionCancelled.TYPE,
                Category.TRAINING,
                "Sessione %s annullata",
                "Session %s cancelled",
                Told.OFFICERS_ENROLLED);
        rule(SessionHeld.TYPE, Category.TRAINING, "Sessione %s svolta", "Session %s held", Told.OFFICERS_ATTENDING);
        rule(
                AttendanceRecorded.TYPE,
                Category.TRAINING,
                "Presenze registrate per la sessione %s",
                "Attendance recorded for session %s",
                Told.OFFICERS_ATTENDING);
        rule(
                EnrolmentWithdrawn.TYPE,
                Category.TRAINING,
                "Iscrizione ritirata dalla sessione %s",
                "Enrolment withdrawn from session %s",
                Told.OFFICERS_NAMED,
                Told.TRAINING_PARTNER);
        rule(
                CertificateIssued.TYPE,
                Category.TRAINING,
                "Attestato rilasciato: %s",
                "Certificate issued: %s",
                Told.OFFICERS_NAMED);
        rule(
                CertificateRevoked.TYPE,
                Category.TRAINING,
                "Attestato revocato: %s",
                "Certificate revoked: %s",
                Told.OFFICERS_NAMED);
        rule(
                AnnouncementPublished.TYPE,
                Category.ANNOUNCEMENTS,
                "Nuovo annuncio: %s",
                "New announcement: %s",
                Told.AUDIENCE);
        rule(
                WebhookSubscriptionSuspended.TYPE,
                Category.WEBHOOKS,
                "Webhook sospeso: %s",
                "Webhook suspended: %s",
                Told.ADDRESSED);
    }

    private NotificationRules() {}

    private static void rule(String type, Category category, String titleIt, String titleEn, Told... told) {
        RULES.put(type, new Rule(category, List.of(told), titleIt, titleEn));
    }

    /** Every rule, by event type, in the order of the table. */
    public static Map<String, Rule> all() {
        return java.util.Collections.unmodifiableMap(RULES);
    }

    public static Optional<Rule> of(String type) {
        return Optional.ofNullable(RULES.get(type));
    }

    /** The {@link Readers} names an event of this rule is for. */
    static Set<String> toTell(Rule rule, String type, JsonNode data) {
        return toTell(rule, type, data, List.of());
    }

    /** @param staffOf the municipalities with staff in the event's session (for OFFICERS_ENROLLED) */
    static Set<String> toTell(Rule rule, String type, JsonNode data, Collection<String> staffOf) {
        Set<String> names = new LinkedHashSet<>();
        Collection<String> municipalities = EventReaders.municipalities(data);
        for (Told told : rule.told()) {
            switch (told) {
                case OFFICERS_NAMED -> municipalities.forEach(m -> names.add(Readers.officer(m)));
                case OFFICERS_ENROLLED -> staffOf.forEach(m -> names.add(Readers.officer(m)));
                case OFFICERS_ATTENDING ->
                    data.path("attendance")
                            .forEach(a -> names.add(
                                    Readers.officer(a.path("municipality").asText())));
                case OFFICERS -> names.add(Readers.ANY_OFFICER);
                case PARTNERS -> {
                    for (Workstream w : Workstream.values()) {
                        names.add(Readers.partner(w));
                    }
                }
                case PARTICIPATION_PARTNER -> names.add(Readers.partner(Workstream.PARTICIPATION));
                case FEASIBILITY_PARTNER -> names.add(Readers.partner(Workstream.FEASIBILITY));
                case TRAINING_PARTNER -> names.add(Readers.partner(Workstream.TRAINING));
                case ADMIN -> names.add(Readers.ADMIN);
                case ADDRESSED ->
                    Optional.ofNullable(EventReaders.audience(data)).ifPresent(names::add);
                case AUDIENCE -> names.addAll(EventReaders.readers(type, data));
            }
        }
        return names;
    }

    /** Whom the event is for, kept to those its visibility lets read it: a person holding a grant of each set. */
    static boolean isFor(Set<String> grants, Set<String> toTell, Set<String> readers) {
        return grants.stream().anyMatch(toTell::contains) && grants.stream().anyMatch(readers::contains);
    }

    /**
     * The titles (Italian, English) of one event: its rule's, except where the data says more than the type: an
     * enrolment that is a waiting place or a promotion from the waiting list, a need's new status.
     */
    static List<String> titles(Rule rule, String type, JsonNode data, String label) {
        if (ParticipantEnrolled.TYPE.equals(type)
                && data.path("promotedFromWaitingList").asBoolean(false)) {
            return List.of(
                    "Posto assegnato dalla lista d'attesa nella sessione %s".formatted(label),
                    "Promoted from the waiting list in session %s".formatted(label));
        }
        if (ParticipantEnrolled.TYPE.equals(type)
                && "WAITING".equals(data.path("status").asText())) {
            return List.of(
                    "Iscrizione in lista d'attesa per la sessione %s".formatted(label),
                    "Waiting-list enrolment in session %s".formatted(label));
        }
        if (OpportunityChanged.TYPE.equals(type)
                && "CLOSED".equals(data.path("change").asText())) {
            return List.of(
                    "Bando chiuso in anticipo: %s".formatted(label), "Funding call closed early: %s".formatted(label));
        }
        if (OpportunityChanged.TYPE.equals(type)
                && "WITHDRAWN".equals(data.path("change").asText())) {
            return List.of("Bando ritirato: %s".formatted(label), "Funding call withdrawn: %s".formatted(label));
        }
        if (NeedStatusChanged.TYPE.equals(type) && data.hasNonNull("to")) {
            String to = data.get("to").asText();
            return List.of(
                    "Il bisogno %s è passato allo stato %s".formatted(label, to),
                    "Need %s moved to status %s".formatted(label, to));
        }
        return List.of(rule.titleIt().formatted(label), rule.titleEn().formatted(label));
    }

    /** The event's title, else what it is about: the session, the study, the subscription ... by id. */
    static String label(JsonNode data, String subjectId) {
        return data.hasNonNull("title") ? "«" + data.get("title").asText() + "»" : subjectId;
    }
}
