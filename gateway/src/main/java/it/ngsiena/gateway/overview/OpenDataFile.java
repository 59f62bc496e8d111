package it.ngsiena.gateway.overview;

import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An open-data file as JSON: its licence and its rows, under the CSV's column names. */
@Schema(name = "OpenDataFile")
public record OpenDataFile(
        @Schema(
                description = "The licence of the data (CC BY 4.0): reuse it freely, naming the source",
                example = OpenDataLicence.URL)
        String license,

        @Schema(
                description = "One object per row, under the CSV's column names; an empty string where the caller"
                        + " may not read the value")
        List<Map<String, String>> items) {}
