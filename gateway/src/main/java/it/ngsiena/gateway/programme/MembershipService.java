package it.ngsiena.gateway.programme;

import it.ngsiena.kernel.http.ETags;
import it.ngsiena.kernel.municipality.Municipality;
import it.ngsiena.kernel.municipality.MunicipalityRegistry;
import it.ngsiena.kernel.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;

/** Which municipalities take part in the programme: data kept by the programme admin. */
@ApplicationScoped
public class MembershipService {

    private final MunicipalityRegistry municipalities;

    MembershipService(MunicipalityRegistry municipalities) {
        this.municipalities = municipalities;
    }

    /** The result of recording a membership: whether it was new. */
    public record Recorded(Membership membership, boolean created) {
    }

    public List<Membership> all() {
        return Membership.<Membership>listAll().stream()
                .sorted(Comparator.comparing(m -> m.istatCode)).toList();
    }

    public Membership get(String istatCode) {
        municipality(istatCode);
        return Membership.<Membership>findByIdOptional(istatCode)
                .orElseThrow(() -> ProblemException.notFound("Programme membership of", istatCode));
    }

    /** Creates the membership, or updates it when {@code If-Match} names its current version. */
    @Transactional
    public Recorded record(String istatCode, MembershipRequest request, String ifMatch) {
        municipality(istatCode);
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
        Membership membership = Membership.findById(istatCode);
        boolean created = membership == null;
        if (created) {
            membership = new Membership();
            membership.istatCode = istatCode;
            membership.createdAt = now;
        } else {
            ETags.requireMatch(ifMatch, membership.version);
        }
        membership.joinedOn = request.joinedOn();
        membership.leftOn = request.leftOn();
        membership.note = request.note();
        membership.updatedAt = now;
        if (created) {
            membership.persist();
        }
        Membership.flush();
        return new Recorded(membership, created);
    }

    public MembershipView view(Membership m, LocalDate day) {
        return new MembershipView(m.istatCode, municipality(m.istatCode).name(), m.joinedOn, m.leftOn, m.activeOn(day),
                m.note, m.createdAt, m.updatedAt, m.version);
    }

    private Municipality municipality(String istatCode) {
        return municipalities.find(istatCode).orElseThrow(() -> ProblemException.notFound("Municipality", istatCode));
    }
}
