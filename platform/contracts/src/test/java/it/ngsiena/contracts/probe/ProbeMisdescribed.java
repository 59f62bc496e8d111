package it.ngsiena.contracts.probe;

import java.util.UUID;

/** A test-only type whose schema names a field the record does not have: the check must say so. */
public record ProbeMisdescribed(UUID probeId, String note) {

    public static final String TYPE = "it.ngsiena.training.probe.misdescribed.v1";
}
