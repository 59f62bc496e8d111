package it.ngsiena.feasibility.study;

import it.ngsiena.kernel.text.Labelled;

/** The outcome of a completed study; FEASIBLE_WITH_CONDITIONS states its conditions. */
public enum Verdict implements Labelled {
    FEASIBLE,
    FEASIBLE_WITH_CONDITIONS,
    NOT_FEASIBLE;

    /** Whether a study with this verdict counts towards the cost of what can be done. */
    public boolean isFeasible() {
        return this != NOT_FEASIBLE;
    }
}
