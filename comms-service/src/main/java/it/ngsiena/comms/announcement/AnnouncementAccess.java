package it.ngsiena.comms.announcement;

import it.ngsiena.kernel.security.Caller;
import it.ngsiena.kernel.security.Roles;
import jakarta.enterprise.context.RequestScoped;
import java.util.EnumSet;
import java.util.Set;

/**
 * Who sees which announcements: the comms partner and the admin see everything, drafts included;
 * everyone else sees published ones of their audiences: PUBLIC for all (anonymous too),
 * MUNICIPALITIES for municipality officers, PARTNERS for the partners, both for viewers.
 */
@RequestScoped
public class AnnouncementAccess {

    private final Caller caller;

    AnnouncementAccess(Caller caller) {
        this.caller = caller;
    }

    public boolean isEditor() {
        return caller.hasAnyRole(Roles.COMMS_PARTNER, Roles.PROGRAMME_ADMIN);
    }

    public Set<Audience> audiences() {
        Set<Audience> audiences = EnumSet.of(Audience.PUBLIC);
        if (isEditor() || caller.hasAnyRole(Roles.MUNICIPALITY_OFFICER, Roles.VIEWER)) {
            audiences.add(Audience.MUNICIPALITIES);
        }
        if (isEditor() || caller.hasAnyRole(Roles.TRAINING_PARTNER, Roles.PARTICIPATION_PARTNER,
                Roles.FEASIBILITY_PARTNER, Roles.VIEWER)) {
            audiences.add(Audience.PARTNERS);
        }
        return audiences;
    }

    public boolean maySee(Announcement a) {
        return isEditor() || (a.status == AnnouncementStatus.PUBLISHED && audiences().contains(a.audience));
    }
}
