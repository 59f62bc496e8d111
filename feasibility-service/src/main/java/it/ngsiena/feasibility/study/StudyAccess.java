package it.ngsiena.feasibility.study;

import it.ngsiena.contracts.Visibility;
import it.ngsiena.contracts.Workstream;
import it.ngsiena.kernel.problem.ProblemException;
import it.ngsiena.kernel.security.Caller;
import it.ngsiena.kernel.security.Roles;
import jakarta.enterprise.context.RequestScoped;
import java.util.Optional;
import java.util.UUID;

/**
 * Who reads which study: the partners, the admin and viewers read all; a municipality officer reads
 * the studies that involve their municipality, and gets 404 for the others so that they do not leak.
 */
@RequestScoped
public class StudyAccess {

    private final Caller caller;

    StudyAccess(Caller caller) {
        this.caller = caller;
    }

    /** The officer's municipality when the caller reads only their own studies; empty when they read all. */
    public Optional<String> restrictedTo() {
        if (caller.hasAnyRole(
                Roles.PROGRAMME_ADMIN,
                Roles.VIEWER,
                Roles.FEASIBILITY_PARTNER,
                Roles.TRAINING_PARTNER,
                Roles.PARTICIPATION_PARTNER,
                Roles.COMMS_PARTNER)) {
            return Optional.empty();
        }
        return Optional.of(caller.municipality().orElse("none"));
    }

    /** The rule of the events about a study ({@link Visibility#PARTNERS_AND_NAMED_MUNICIPALITIES}), which the gateway applies as well. */
    public boolean maySee(Study study) {
        return caller.maySee(
                Visibility.PARTNERS_AND_NAMED_MUNICIPALITIES, Workstream.FEASIBILITY, study.municipalities, null);
    }

    /** A study the caller may read; 404 otherwise. */
    public Study readable(UUID id) {
        Study s = Study.findById(id);
        if (s == null || !maySee(s)) {
            throw ProblemException.notFound("Study", id);
        }
        return s;
    }
}
