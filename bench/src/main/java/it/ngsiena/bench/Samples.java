package it.ngsiena.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The figures of several runs of one measurement: median and range, as the results print them. */
public final class Samples {

    private final List<Double> values = new ArrayList<>();

    void add(double value) {
        values.add(value);
    }

    /** The values in the order measured, rounded to whole numbers. */
    java.util.List<Long> values() {
        return values.stream().map(Math::round).toList();
    }

    boolean isEmpty() {
        return values.isEmpty();
    }

    double median() {
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    /** "median (min–max)" with the given number of decimals. */
    String describe(int decimals) {
        if (values.isEmpty()) {
            return "not measured";
        }
        String f = "%." + decimals + "f";
        double min = values.stream().mapToDouble(Double::doubleValue).min().orElseThrow();
        double max = values.stream().mapToDouble(Double::doubleValue).max().orElseThrow();
        return String.format(Locale.ROOT, f + " (" + f + "–" + f + ")", median(), min, max);
    }

    /** The value at the given percentile (0–100) of one run's observations, nearest rank. */
    public static double percentile(List<Double> observations, double percentile) {
        List<Double> sorted = observations.stream().sorted().toList();
        int rank = (int) Math.ceil(percentile / 100 * sorted.size());
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank - 1)));
    }
}
