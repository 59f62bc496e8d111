package it.ngsiena.comms.notification;

/** What a notification is about: a person chooses per category how to be told (preferences). */
public enum Category {
    NEEDS,
    STUDIES,
    FUNDING,
    TRAINING,
    ANNOUNCEMENTS,
    WEBHOOKS
}
