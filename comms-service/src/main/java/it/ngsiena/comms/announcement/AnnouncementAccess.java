package it.ngsiena.comms.announcement;

import it.ngsiena.contracts.Visibility;
import it.ngsiena.contracts.Workstream;
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
        if (isEditor()
                || caller.hasAnyRole(
                        Roles.TRAINING_PARTNER, Roles.PARTICIPATION_PARTNER, Roles.FEASIBILITY_PARTNER, Roles.VIEWER)) {
            audiences.add(Audience.PARTNERS);
        }
        return audiences;
    }

    /**
     * A published announcement by the rule of its events ({@link Visibility#AUDIENCE}), which the gateway
     * applies as well; drafts and archived ones by the editors' rule.
     */
    public boolean maySee(Announcement a) {
        Visibility rule = a.status == AnnouncementStatus.PUBLISHED ? Visibility.AUDIENCE : Visibility.EDITORS;
        return caller.maySee(rule, Workstream.COMMS, a.municipalities, a.audience.name());
    }
}
