package it.ngsiena.comms.announcement;

/** Who an announcement is for: everyone, the municipalities' people, or the programme's partners. */
public enum Audience {
    PUBLIC,
    MUNICIPALITIES,
    PARTNERS
}
