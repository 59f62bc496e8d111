package it.ngsiena.bench.faults;

import java.util.Locale;

/** What one fault did to a burst of writes: how they were answered and what became of them. */
record FaultResult(
        String fault,
        long sent,
        long ok,
        long serverErrors,
        long clientErrors,
        long unanswered,
        long stored,
        long acknowledgedNotStored,
        long lost,
        long duplicated,
        long resent,
        double catchUpSeconds,
        String notes) {

    /** Nothing acknowledged was lost, nothing stored is missing from or doubled in the read models. */
    boolean sound() {
        return acknowledgedNotStored == 0 && lost == 0 && duplicated == 0 && catchUpSeconds >= 0;
    }

    String row() {
        return String.format(
                Locale.ROOT,
                "| %s | %d | %d | %d | %d | %d | %d | %d | **%d** | **%d** | %d | %s | %s |",
                fault,
                sent,
                ok,
                serverErrors,
                clientErrors,
                unanswered,
                stored,
                acknowledgedNotStored,
                lost,
                duplicated,
                resent,
                catchUpSeconds < 0 ? "not within the time-out" : String.format(Locale.ROOT, "%.1f", catchUpSeconds),
                notes);
    }

    static String header() {
        return """
                | fault | writes sent | 2xx | 5xx | 4xx | no answer | needs stored | 2xx not stored | lost (stored, not in the gateway) | duplicated in the gateway | resent on Kafka | caught up after (s) | notes |
                |---|---|---|---|---|---|---|---|---|---|---|---|---|""";
    }
}
