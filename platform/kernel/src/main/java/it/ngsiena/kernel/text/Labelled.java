package it.ngsiena.kernel.text;

/**
 * A code that clients show with an Italian and an English label (a theme, a status, a format, a role): the
 * one shape of every labelled enum. An enum keeps one {@link Label} and answers it here.
 */
public interface Labelled {

    /** The code's labels, in Italian and in English. */
    record Label(String it, String en) {
    }

    Label label();

    default String labelIt() {
        return label().it();
    }

    default String labelEn() {
        return label().en();
    }
}
