package it.ngsiena.participation.need;

import it.ngsiena.kernel.text.Labelled;

/** Where a need was collected. */
public enum NeedOrigin implements Labelled {
    WORKSHOP,
    ONLINE,
    SURVEY
}
