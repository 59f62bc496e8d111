package it.ngsiena.feasibility.funding;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A PNRR sub-measure code as the national open data writes it (Codice Univoco Submisura), e.g.
 * {@code M1C1I1.01.00}: mission M1, component M1C1, measure M1C1I1.01 (I: investment, R: reform), then
 * the sub-measure's own two digits. The mission, component and measure are read from it, never stored apart.
 */
public record PnrrMeasureCode(String mission, String component, String measure, String subMeasure) {

    public static final String PATTERN = "M[1-7]C[1-4][IR][0-9]{1,2}\\.[0-9]{2}\\.[0-9]{2}";
    private static final Pattern PARTS = Pattern.compile("((M[1-7])C[1-4])([IR][0-9]{1,2}\\.[0-9]{2})\\.[0-9]{2}");

    /** The code's parts; the code must match {@link #PATTERN}. */
    public static PnrrMeasureCode of(String subMeasure) {
        Matcher m = PARTS.matcher(subMeasure);
        if (!m.matches()) {
            throw new IllegalArgumentException("not a PNRR sub-measure code: " + subMeasure);
        }
        return new PnrrMeasureCode(m.group(2), m.group(1), m.group(1) + m.group(3), subMeasure);
    }
}
