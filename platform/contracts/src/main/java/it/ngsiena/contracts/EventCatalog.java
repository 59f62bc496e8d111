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
import it.ngsiena.contracts.training.AttendanceRecorded;
import it.ngsiena.contracts.training.CertificateIssued;
import it.ngsiena.contracts.training.CourseCreated;
import it.ngsiena.contracts.training.EnrolmentWithdrawn;
import it.ngsiena.contracts.training.ParticipantEnrolled;
import it.ngsiena.contracts.training.SessionCancelled;
import it.ngsiena.contracts.training.SessionHeld;
import it.ngsiena.contracts.training.SessionRescheduled;
import it.ngsiena.contracts.training.SessionScheduled;
import java.util.LinkedHashMap;
import java.util.Map;

/** Every event type of the platform and its payload record; each has a JSON Schema in {@code schemas/}. */
public final class EventCatalog {

    public static final Map<String, Class<? extends Record>> TYPES;

    static {
        Map<String, Class<? extends Record>> types = new LinkedHashMap<>();
        types.put(NeedSubmitted.TYPE, NeedSubmitted.class);
        types.put(NeedUpdated.TYPE, NeedUpdated.class);
        types.put(NeedStatusChanged.TYPE, NeedStatusChanged.class);
        types.put(NeedPrioritised.TYPE, NeedPrioritised.class);
        types.put(NeedRejected.TYPE, NeedRejected.class);
        types.put(NeedEndorsed.TYPE, NeedEndorsed.class);
        types.put(EndorsementWithdrawn.TYPE, EndorsementWithdrawn.class);
        types.put(NeedBecameAreaWide.TYPE, NeedBecameAreaWide.class);
        types.put(SolutionProposed.TYPE, SolutionProposed.class);
        types.put(WorkshopPlanned.TYPE, WorkshopPlanned.class);
        types.put(WorkshopHeld.TYPE, WorkshopHeld.class);
        types.put(WorkshopCancelled.TYPE, WorkshopCancelled.class);
        types.put(StudyRequested.TYPE, StudyRequested.class);
        types.put(StudyStarted.TYPE, StudyStarted.class);
        types.put(MilestoneReached.TYPE, MilestoneReached.class);
        types.put(StudyCompleted.TYPE, StudyCompleted.class);
        types.put(StudyAbandoned.TYPE, StudyAbandoned.class);
        types.put(FundingSourceAdded.TYPE, FundingSourceAdded.class);
        types.put(FundingSourceChanged.TYPE, FundingSourceChanged.class);
        types.put(OpportunityPublished.TYPE, OpportunityPublished.class);
        types.put(StudyMatched.TYPE, StudyMatched.class);
        types.put(CourseCreated.TYPE, CourseCreated.class);
        types.put(SessionScheduled.TYPE, SessionScheduled.class);
        types.put(SessionRescheduled.TYPE, SessionRescheduled.class);
        types.put(SessionCancelled.TYPE, SessionCancelled.class);
        types.put(SessionHeld.TYPE, SessionHeld.class);
        types.put(ParticipantEnrolled.TYPE, ParticipantEnrolled.class);
        types.put(EnrolmentWithdrawn.TYPE, EnrolmentWithdrawn.class);
        types.put(AttendanceRecorded.TYPE, AttendanceRecorded.class);
        types.put(CertificateIssued.TYPE, CertificateIssued.class);
        types.put(AnnouncementDrafted.TYPE, AnnouncementDrafted.class);
        types.put(AnnouncementPublished.TYPE, AnnouncementPublished.class);
        types.put(AnnouncementArchived.TYPE, AnnouncementArchived.class);
        types.put(NewsletterSent.TYPE, NewsletterSent.class);
        types.put(SubscriberConfirmed.TYPE, SubscriberConfirmed.class);
        types.put(SubscriberUnsubscribed.TYPE, SubscriberUnsubscribed.class);
        TYPES = Map.copyOf(types);
    }

    private EventCatalog() {
    }
}
