package it.ngsiena.gateway.audit;

import it.ngsiena.kernel.security.Caller;
import jakarta.ws.rs.Path;

/** Who did what to a training session, and when. */
@Path("/v1/sessions/{id}/history")
public class SessionHistoryResource extends RecordHistoryResource {

    SessionHistoryResource(AuditTrail trail, Caller caller) {
        super(trail, caller, "training", "session");
    }
}
