package it.ngsiena.gateway.audit;

import it.ngsiena.kernel.security.Caller;
import jakarta.ws.rs.Path;

/** Who did what to a need, and when. */
@Path("/v1/needs/{id}/history")
public class NeedHistoryResource extends RecordHistoryResource {

    NeedHistoryResource(AuditTrail trail, Caller caller) {
        super(trail, caller, "participation", "need");
    }
}
