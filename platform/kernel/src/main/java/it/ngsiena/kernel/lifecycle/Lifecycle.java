package it.ngsiena.kernel.lifecycle;

import it.ngsiena.kernel.problem.ProblemException;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A status of an aggregate's lifecycle (a need, a session, a workshop, a study, an announcement) with the
 * statuses it may move to: the one state-machine shape, and the one 409 a refused move answers, naming the
 * current status and the moves allowed from it ({@code currentStatus}, {@code allowedMoves}).
 */
public interface Lifecycle<S extends Enum<S> & Lifecycle<S>> {

    /** The statuses this one may move to; none for a final status. */
    Set<S> next();

    /** {@code target}, if this status may move to it; the 409 otherwise. */
    default S moveTo(S target, String aggregate) {
        if (!next().contains(target)) {
            throw refused(aggregate, "moved to " + target);
        }
        return target;
    }

    /**
     * The 409 for something this status does not allow, e.g. {@code refused("announcement", "edited")}.
     *
     * @param aggregate what is refused, in words: "need", "session"...
     * @param action    what was asked, as a past participle: "edited", "rescheduled"
     */
    default ProblemException refused(String aggregate, String action) {
        String current = ((Enum<?>) this).name();
        List<String> allowed = next().stream().map(Enum::name).sorted().toList();
        return ProblemException.conflict(
                (startsWithVowel(aggregate) ? "An " : "A ") + aggregate + " in state " + current + " cannot be "
                        + action
                        + (allowed.isEmpty() ? "; it is final" : "; it can be moved to: " + String.join(", ", allowed)),
                Map.of("currentStatus", current, "allowedMoves", allowed));
    }

    private static boolean startsWithVowel(String word) {
        return !word.isEmpty() && "aeiou".indexOf(Character.toLowerCase(word.charAt(0))) >= 0;
    }
}
