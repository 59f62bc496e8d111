package it.ngsiena.contracts;

import it.ngsiena.contracts.comms.AnnouncementArchived;
import it.ngsiena.contracts.comms.AnnouncementDrafted;
import it.ngsiena.contracts.comms.AnnouncementPublished;
import it.ngsiena.contracts.comms.NewsletterSent;
import it.ngsiena.contracts.comms.SubscriberConfirmed;
import it.ngsiena.contracts.comms.SubscriberUnsubscribed;
import it.ngsiena.contracts.feasibility.FundingSourceAdded;
import it.ngsiena.contracts.feasibility.FundingSourceChanged;
import it.ngsiena.contracts.feasibility.MilestoneReached;
import it.ngsiena.contracts.feasibility.OpportunityChanged;
import it.ngsiena.contracts.feasibility.OpportunityPublished;
import it.ngsiena.contracts.feasibility.StudyAbandoned;
import it.ngsiena.contracts.feasibility.StudyCompleted;
import it.ngsiena.contracts.feasibility.StudyMatched;
import it.ngsiena.contracts.feasibility.StudyProjectCodesRecorded;
import it.ngsiena.contracts.feasibility.StudyRequested;
import it.ngsiena.contracts.feasibility.StudyStarted;
import it.ngsiena.contracts.participation.EndorsementWithdrawn;
import it.ngsiena.contracts.participation.NeedAreaWideEnded;
import it.ngsiena.contracts.participation.NeedBecameAreaWide;
import it.ngsiena.contracts.participation.NeedEndorsed;
import it.ngsiena.contracts.participation.NeedPrioritised;
import it.ngsiena.contracts.participation.NeedRejected;
import it.ngsiena.contracts.participation.NeedStatusChanged;
import it.ngsiena.contracts.participation.NeedSubmitted;
import it.ngsiena.contracts.participation.NeedUpdated;
import it.ngsiena.contracts.participation.SolutionProposed;
import it.ngsiena.contracts.participation.WorkshopCancelled;
import it.ngsiena.contracts.participation.WorkshopHeld;
import it.ngsiena.contracts.participation.WorkshopPlanned;
import it.ngsiena.contracts.programme.MembershipChanged;
import it.ngsiena.contracts.programme.WebhookSubscriptionSuspended;
import it.ngsiena.contracts.training.AttendanceRecorded;
import it.ngsiena.contracts.training.CertificateIssued;
import it.ngsiena.contracts.training.CertificateRevoked;
import it.ngsiena.contracts.training.CourseCreated;
import it.ngsiena.contracts.training.EnrolmentWithdrawn;
import it.ngsiena.contracts.training.ParticipantEnrolled;
import it.ngsiena.contracts.training.ParticipantErased;
import it.ngsiena.contracts.training.SessionCancelled;
import it.ngsiena.contracts.training.SessionCapacityChanged;
import it.ngsiena.contracts.training.SessionHeld;
import it.ngsiena.contracts.training.SessionRescheduled;
import it.ngsiena.contracts.training.SessionScheduled;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Every event type of the platform ({@link EventType}): its payload record (each has a JSON Schema in
 * {@code schemas/}), its source, aggregate and version, who may see it and whether the figures count it.
 * The outbox, the typed handlers, the gateway's feed and webhooks, the AsyncAPI document and the schema
 * check all read it from here, so a new event type is a record, its schema, a line below and the
 * handlers that care.
 */
public final class EventCatalog {

    /** The event types the platform publishes. */
    public static final EventCatalog PLATFORM = new EventCatalog(List.of(
            EventType.of(NeedSubmitted.class, "need", Visibility.PUBLIC).inFigures(),
            EventType.of(NeedUpdated.class, "need", Visibility.PLATFORM),
            EventType.of(NeedStatusChanged.class, "need", Visibility.PLATFORM).inFigures(),
            EventType.of(NeedPrioritised.class, "need", Visibility.PUBLIC).inFigures(),
            EventType.of(NeedRejected.class, "need", Visibility.PLATFORM).inFigures(),
            EventType.of(NeedEndorsed.class, "need", Visibility.PLATFORM).inFigures(),
            EventType.of(EndorsementWithdrawn.class, "need", Visibility.PLATFORM)
                    .inFigures(),
            EventType.of(NeedBecameAreaWide.class, "need", Visibility.PUBLIC).inFigures(),
            EventType.of(NeedAreaWideEnded.class, "need", Visibility.PUBLIC).inFigures(),
            EventType.of(SolutionProposed.class, "need", Visibility.PLATFORM),
            EventType.of(WorkshopPlanned.class, "workshop", Visibility.PUBLIC),
            EventType.of(WorkshopHeld.class, "workshop", Visibility.PUBLIC),
            EventType.of(WorkshopCancelled.class, "workshop", Visibility.PUBLIC),
            EventType.of(StudyRequested.class, "study", Visibility.PUBLIC).inFigures(),
            EventType.of(StudyStarted.class, "study", Visibility.PARTNERS_AND_NAMED_MUNICIPALITIES)
                    .inFigures(),
            EventType.of(MilestoneReached.class, "study", Visibility.PARTNERS_AND_NAMED_MUNICIPALITIES),
            EventType.of(StudyCompleted.class, "study", Visibility.PUBLIC).inFigures(),
            EventType.of(StudyAbandoned.class, "study", Visibility.PARTNERS_AND_NAMED_MUNICIPALITIES)
                    .inFigures(),
            // CUPs and PNRR codes are public in the national records (OpenCUP, Italia Domani)
            EventType.of(StudyProjectCodesRecorded.class, "study", Visibility.PUBLIC),
            EventType.of(FundingSourceAdded.class, "study", Visibility.PARTNERS_AND_NAMED_MUNICIPALITIES)
                    .inFigures(),
            EventType.of(FundingSourceChanged.class, "study", Visibility.PARTNERS_AND_NAMED_MUNICIPALITIES)
                    .inFigures(),
            EventType.of(OpportunityPublished.class, "opportunity", Visibility.PUBLIC),
            // names the matched studies: seen by those who see the studies (partners, their municipalities)
            EventType.of(OpportunityChanged.class, "opportunity", Visibility.PARTNERS_AND_NAMED_MUNICIPALITIES),
            EventType.of(StudyMatched.class, "study", Visibility.PARTNERS_AND_NAMED_MUNICIPALITIES),
            EventType.of(CourseCreated.class, "course", Visibility.PUBLIC),
            EventType.of(SessionScheduled.class, "session", Visibility.PUBLIC),
            EventType.of(SessionRescheduled.class, "session", Visibility.PUBLIC),
            EventType.of(SessionCapacityChanged.class, "session", Visibility.PUBLIC),
            EventType.of(SessionCancelled.class, "session", Visibility.PUBLIC),
            EventType.of(SessionHeld.class, "session", Visibility.PUBLIC).inFigures(),
            EventType.of(ParticipantEnrolled.class, "session", Visibility.PERSONAL)
                    .inFigures(),
            EventType.of(EnrolmentWithdrawn.class, "session", Visibility.PERSONAL),
            EventType.of(AttendanceRecorded.class, "session", Visibility.PUBLIC).inFigures(),
            EventType.of(CertificateIssued.class, "certificate", Visibility.PERSONAL)
                    .inFigures(),
            EventType.of(CertificateRevoked.class, "certificate", Visibility.PERSONAL)
                    .inFigures(),
            // names the participant by the hash of their id only; the gateway applies it to its copies
            EventType.of(ParticipantErased.class, "participant", Visibility.PERSONAL),
            EventType.of(AnnouncementDrafted.class, "announcement", Visibility.EDITORS),
            EventType.of(AnnouncementPublished.class, "announcement", Visibility.AUDIENCE)
                    .inFigures(),
            EventType.of(AnnouncementArchived.class, "announcement", Visibility.AUDIENCE)
                    .inFigures(),
            EventType.of(NewsletterSent.class, "newsletter", Visibility.EDITORS),
            EventType.of(SubscriberConfirmed.class, "subscriber", Visibility.EDITORS),
            EventType.of(SubscriberUnsubscribed.class, "subscriber", Visibility.EDITORS),
            EventType.of(MembershipChanged.class, "municipality", Visibility.PUBLIC),
            EventType.of(WebhookSubscriptionSuspended.class, "webhook-subscription", Visibility.ADDRESSED)));

    private final Map<String, EventType> byName = new LinkedHashMap<>();
    private final Map<Class<? extends Record>, EventType> byPayload = new LinkedHashMap<>();

    private EventCatalog(List<EventType> types) {
        for (EventType type : types) {
            if (byName.putIfAbsent(type.name(), type) != null || byPayload.putIfAbsent(type.payload(), type) != null) {
                throw new IllegalArgumentException(type.name() + " is in the catalogue twice");
            }
        }
    }

    /** This catalogue and more types (e.g. a test's own). */
    public EventCatalog with(EventType... more) {
        List<EventType> all = new ArrayList<>(byName.values());
        all.addAll(List.of(more));
        return new EventCatalog(all);
    }

    /** Every type, in the order declared. */
    public Collection<EventType> types() {
        return byName.values();
    }

    public Optional<EventType> named(String type) {
        return Optional.ofNullable(byName.get(type));
    }

    /** The type a payload record stands for. */
    public Optional<EventType> of(Class<?> payload) {
        return Optional.ofNullable(byPayload.get(payload));
    }

    /** The same, for a record that must be catalogued (the outbox, a handler's registration). */
    public EventType require(Class<?> payload) {
        return of(payload)
                .orElseThrow(() -> new IllegalArgumentException(payload.getName() + " is not in the event catalogue"));
    }

    public boolean knows(String type) {
        return byName.containsKey(type);
    }

    /**
     * Who reads an event of this type that names these municipalities (and, for an announcement, has
     * this audience). A type the catalogue does not know is shown to the admin and its workstream's
     * partner only, so that an event added upstream stays hidden until its rule is declared here.
     */
    public Set<String> readers(String type, Collection<String> municipalities, String audience) {
        EventType known = byName.get(type);
        if (known != null) {
            return known.visibility().readers(known.source(), municipalities, audience);
        }
        return EventSource.ofEventType(type)
                .map(w -> Visibility.EDITORS.readers(w, List.of(), null))
                .orElse(Set.of(Readers.ADMIN));
    }
}
