package it.ngsiena.gateway.audit;

import it.ngsiena.kernel.security.Caller;
import jakarta.ws.rs.Path;

/** Who did what to a feasibility study, and when. */
@Path("/v1/studies/{id}/history")
public class StudyHistoryResource extends RecordHistoryResource {

    StudyHistoryResource(AuditTrail trail, Caller caller) {
        super(trail, caller, "feasibility", "study");
    }
}
