package it.ngsiena.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Everything one run of the suite measured. */
final class Results {

    boolean firstStart;
    final Samples platformStart = new Samples();
    private final Map<String, Samples> together = new LinkedHashMap<>();
    private final Map<String, Samples> alone = new LinkedHashMap<>();
    final Map<String, Long> rssAfterLoad = new LinkedHashMap<>();
    final Map<String, Long> rssAlone = new LinkedHashMap<>();

    final List<SteadyState.WarmUp> warmUps = new ArrayList<>();

    final List<Propagation.Result> propagation = new ArrayList<>();
    final List<Propagation.Result> propagationSustainable = new ArrayList<>();
    final Samples kafkaP50 = new Samples();
    final Samples kafkaP99 = new Samples();

    final List<Wrk.Result> overview = new ArrayList<>();
    final List<Wrk.Result> activity = new ArrayList<>();
    final Samples pgSelect = new Samples();

    final List<Wrk.Result> writes = new ArrayList<>();
    final List<long[]> writeChecks = new ArrayList<>();
    final Samples pgInsert = new Samples();

    long rebuildEvents;
    final Samples rebuild = new Samples();
    final Samples consumerPerf = new Samples();

    /** Sections 6 and 7, as {@link Scale} wrote them; empty when not run. */
    String scale = "";

    /** Ready times with every service starting at once, per service. */
    Samples together(String service) {
        return together.computeIfAbsent(service, k -> new Samples());
    }

    /** Ready times of a service restarted alone while the rest runs. */
    Samples alone(String service) {
        return alone.computeIfAbsent(service, k -> new Samples());
    }

    static Samples of(List<Wrk.Result> runs, java.util.function.ToDoubleFunction<Wrk.Result> figure) {
        Samples s = new Samples();
        runs.forEach(r -> s.add(figure.applyAsDouble(r)));
        return s;
    }

    static Samples ofPropagation(
            List<Propagation.Result> runs, java.util.function.ToDoubleFunction<Propagation.Result> figure) {
        Samples s = new Samples();
        runs.forEach(r -> s.add(figure.applyAsDouble(r)));
        return s;
    }
}
