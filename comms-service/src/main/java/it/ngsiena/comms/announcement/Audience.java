package it.ngsiena.comms.announcement;

import it.ngsiena.kernel.text.Labelled;

/** Who an announcement is for: everyone, the municipalities' people, or the programme's partners. */
public enum Audience implements Labelled {
    PUBLIC,
    MUNICIPALITIES,
    PARTNERS
}
