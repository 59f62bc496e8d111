package it.ngsiena.participation.need;

import it.ngsiena.contracts.Workstream;
import it.ngsiena.contracts.participation.NeedSubmitted;
import it.ngsiena.kernel.municipality.MunicipalityRegistry;
import it.ngsiena.kernel.outbox.Outbox;
import it.ngsiena.kernel.problem.ProblemException;
import it.ngsiena.kernel.security.Caller;
import it.ngsiena.kernel.security.Roles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;
import org.jboss.logging.Logger;

/** The rules of needs: who may submit for which municipalities, and the event of each change. */
@ApplicationScoped
public class NeedService {

    private static final Logger LOG = Logger.getLogger(NeedService.class);

    private final NeedRepository needs;
    private final MunicipalityRegistry municipalities;
    private final Outbox outbox;
    private final Caller caller;

    NeedService(NeedRepository needs, MunicipalityRegistry municipalities, Outbox outbox, Caller caller) {
        this.needs = needs;
        this.municipalities = municipalities;
        this.outbox = outbox;
        this.caller = caller;
    }

    /**
     * Stores a need and its "need submitted" event in one transaction. The partner and the admin
     * submit for any municipality; an officer only for needs that include their own municipality.
     */
    @Transactional
    public Need submit(NeedRequest request) {
        List<String> codes = request.municipalities().stream().distinct().toList();
        municipalities.requireKnown(codes, "municipalities");
        if (!caller.hasAnyRole(Roles.PARTICIPATION_PARTNER, Roles.PROGRAMME_ADMIN) && !caller.isOfficerOfAny(codes)) {
            throw ProblemException.forbidden("A municipality officer may submit only needs that include their own"
                    + " municipality" + caller.municipality().map(m -> " (" + m + ")").orElse(""));
        }
        NeedOrigin origin = request.origin() == null ? NeedOrigin.ONLINE : request.origin();
        Need need = Need.submit(request.title().strip(), request.description().strip(), request.theme(), codes, origin,
                request.submitterOrganisation());
        needs.persist(need);
        outbox.append(Workstream.PARTICIPATION, NeedSubmitted.TYPE, need.id, new NeedSubmitted(need.id, need.title,
                need.theme.name(), need.municipalities, need.origin.name(), need.createdAt));
        LOG.infof("Need %s submitted for %s", need.id, codes);
        return need;
    }
}
