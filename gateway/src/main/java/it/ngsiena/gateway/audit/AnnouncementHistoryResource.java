package it.ngsiena.gateway.audit;

import it.ngsiena.kernel.security.Caller;
import jakarta.ws.rs.Path;

/** Who did what to an announcement, and when. */
@Path("/v1/announcements/{id}/history")
public class AnnouncementHistoryResource extends RecordHistoryResource {

    AnnouncementHistoryResource(AuditTrail trail, Caller caller) {
        super(trail, caller, "comms", "announcement");
    }
}
