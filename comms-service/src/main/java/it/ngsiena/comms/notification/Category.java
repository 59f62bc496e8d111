package it.ngsiena.comms.notification;

import it.ngsiena.kernel.text.Labelled;

/** What a notification is about: a person chooses per category how to be told (preferences). */
public enum Category implements Labelled {
    NEEDS,
    STUDIES,
    FUNDING,
    TRAINING,
    ANNOUNCEMENTS,
    WEBHOOKS
}
