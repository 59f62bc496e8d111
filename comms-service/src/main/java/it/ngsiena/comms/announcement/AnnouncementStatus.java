package it.ngsiena.comms.announcement;

/** DRAFT → PUBLISHED → ARCHIVED. */
public enum AnnouncementStatus {
    DRAFT,
    PUBLISHED,
    ARCHIVED
}
