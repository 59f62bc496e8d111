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
import it.ngsiena.contracts.feasibility.OpportunityPublished;
import it.ngsiena.contracts.feasibility.StudyAbandoned;
import it.ngsiena.contracts.feasibility.StudyCompleted;
import it.ngsiena.contracts.feasibility.StudyMatched;
import it.ngsiena.contracts.feasibility.StudyProjectCodesRecorded;
import it.ngsiena.contracts.feasibility.StudyRequested;
import it.ngsiena.contracts.feasibility.StudyStarted;
import it.ngsiena.contracts.participation.EndorsementWithdrawn;
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
import it.ngsiena.contracts.training.CourseCreated;
import it.ngsiena.contracts.training.EnrolmentWithdrawn;
import it.ngsiena.contracts.training.ParticipantEnrolled;
import it.ngsiena.contracts.training.SessionCancelled;
import it.ngsiena.contracts.training.SessionHeld;
import it.ngsiena.contracts.training.SessionRescheduled;
import it.ngsiena.contracts.training.SessionScheduled;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Every event type of the platform: its payload record (each has a JSON Schema in {@code schemas/}) and
 * who may see it ({@link Visibility}).
 */
public final class EventCatalog {

    public static final Map<String, Class<? extends Record>> TYPES;
    public static final Map<String, Visibility> VISIBILITY;
    private static final Map<Class<? extends Record>, String> TYPE_OF;

    static {
        Map<String, Class<? extends Record>> types = new LinkedHashMap<>();
        Map<String, Visibility> visibility = new LinkedHashMap<>();
        add(types, visibility, NeedSubmitted.class, Visibility.PUBLIC);
        add(types, visibility, NeedUpdated.class, Visibility.PLATFORM);
        add(types, visibility, NeedStatusChanged.class, Visibility.PLATFORM);
        add(types, visibility, NeedPrioritised.class, Visibility.PUBLIC);
        add(types, visibility, NeedRejected.class, Visibility.PLATFORM);
        add(types, visibility, NeedEndorsed.class, Visibility.PLATFORM);
        add(types, visibility, EndorsementWithdrawn.class, Visibility.PLATFORM);
        add(types, visibility, NeedBecameAreaWide.class, Visibility.PUBLIC);
        add(types, visibility, SolutionProposed.class, Visibility.PLATFORM);
        add(types, visibility, WorkshopPlanned.class, Visibility.PUBLIC);
        add(types, visibility, WorkshopHeld.class, Visibility.PUBLIC);
        add(types, visibility, WorkshopCancelled.class, Visibility.PUBLIC);
        add(types, visibility, StudyRequested.class, Visibility.PUBLIC);
        add(types, visibility, StudyStarted.class, Visibility.PARTNERS_AND_NAMED_MUNICIPALITIES);
        add(types, visibility, MilestoneReached.class, Visibility.PARTNERS_AND_NAMED_MUNICIPALITIES);
        add(types, visibility, StudyCompleted.class, Visibility.PUBLIC);
        add(types, visibility, StudyAbandoned.class, Visibility.PARTNERS_AND_NAMED_MUNICIPALITIES);
        // CUPs and PNRR codes are public in the national records (OpenCUP, Italia Domani)
        add(types, visibility, StudyProjectCodesRecorded.class, Visibility.PUBLIC);
        add(types, visibility, FundingSourceAdded.class, Visibility.PARTNERS_AND_NAMED_MUNICIPALITIES);
        add(types, visibility, FundingSourceChanged.class, Visibility.PARTNERS_AND_NAMED_MUNICIPALITIES);
        add(types, visibility, OpportunityPublished.class, Visibility.PUBLIC);
        add(types, visibility, StudyMatched.class, Visibility.PARTNERS_AND_NAMED_MUNICIPALITIES);
        add(types, visibility, CourseCreated.class, Visibility.PUBLIC);
        add(types, visibility, SessionScheduled.class, Visibility.PUBLIC);
        add(types, visibility, SessionRescheduled.class, Visibility.PUBLIC);
        add(types, visibility, SessionCancelled.class, Visibility.PUBLIC);
        add(types, visibility, SessionHeld.class, Visibility.PUBLIC);
        add(types, visibility, ParticipantEnrolled.class, Visibility.PERSONAL);
        add(types, visibility, EnrolmentWithdrawn.class, Visibility.PERSONAL);
        add(types, visibility, AttendanceRecorded.class, Visibility.PUBLIC);
        add(types, visibility, CertificateIssued.class, Visibility.PERSONAL);
        add(types, visibility, AnnouncementDrafted.class, Visibility.EDITORS);
        add(types, visibility, AnnouncementPublished.class, Visibility.AUDIENCE);
        add(types, visibility, AnnouncementArchived.class, Visibility.AUDIENCE);
        add(types, visibility, NewsletterSent.class, Visibility.EDITORS);
        add(types, visibility, SubscriberConfirmed.class, Visibility.EDITORS);
        add(types, visibility, SubscriberUnsubscribed.class, Visibility.EDITORS);
        add(types, visibility, MembershipChanged.class, Visibility.PUBLIC);
        add(types, visibility, WebhookSubscriptionSuspended.class, Visibility.ADDRESSED);
        TYPES = Map.copyOf(types);
        Map<Class<? extends Record>, String> typeOf = new java.util.HashMap<>();
        types.forEach((type, payload) -> typeOf.put(payload, type));
        TYPE_OF = Map.copyOf(typeOf);
        VISIBILITY = Map.copyOf(visibility);
    }

    /** The event type a payload record stands for, if the catalogue has it. */
    public static java.util.Optional<String> typeOf(Class<?> payload) {
        return java.util.Optional.ofNullable(TYPE_OF.get(payload));
    }

    private static void add(Map<String, Class<? extends Record>> types, Map<String, Visibility> visibility,
            Class<? extends Record> payload, Visibility rule) {
        try {
            String type = (String) payload.getField("TYPE").get(null);
            types.put(type, payload);
            visibility.put(type, rule);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(payload + " has no public TYPE constant");
        }
    }

    /**
     * Who reads an event of this type that names these municipalities (and, for an announcement, has
     * this audience). A type the catalogue does not know is shown to the admin and its workstream's
     * partner only, so that an event added upstream stays hidden until its rule is declared here.
     */
    public static Set<String> readers(String type, Collection<String> municipalities, String audience) {
        Optional<EventSource> owner = EventSource.ofEventType(type);
        Visibility rule = VISIBILITY.get(type);
        if (rule != null && owner.isPresent()) {
            return rule.readers(owner.get(), municipalities, audience);
        }
        return owner.map(w -> Visibility.EDITORS.readers(w, List.of(), null)).orElse(Set.of(Readers.ADMIN));
    }

    private EventCatalog() {
    }
}
