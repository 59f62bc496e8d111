package it.ngsiena.kernel.municipality;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A municipality (comune) of the Province of Siena. */
@Schema(name = "Municipality")
public record Municipality(
        @Schema(description = "6-digit ISTAT code", example = "052032")
        String istatCode,

        @Schema(example = "Siena") String name) {}
