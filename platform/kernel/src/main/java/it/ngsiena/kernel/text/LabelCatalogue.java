package it.ngsiena.kernel.text;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Italian and English labels of every code a service shows, by enum and code: what each service's
 * {@code GET /v1/<workstream>/labels} answers, so that a client shows "In esame" or "Under review" where the
 * data says UNDER_REVIEW without keeping its own copy of the wording. Read once, when the service starts to
 * answer it; an enum left without a label fails then (Labelled).
 */
public final class LabelCatalogue {

    private final List<Class<? extends Labelled>> enums;
    private final Map<String, Map<String, Labelled.Label>> labels;

    /** The catalogue of these enums, each by its simple name (a service names no two alike). */
    public LabelCatalogue(List<Class<? extends Labelled>> enums) {
        this.enums = List.copyOf(enums);
        Map<String, Map<String, Labelled.Label>> all = new LinkedHashMap<>();
        for (Class<? extends Labelled> type : enums) {
            Map<String, Labelled.Label> codes = new LinkedHashMap<>();
            for (Labelled code : type.getEnumConstants()) {
                codes.put(((Enum<?>) code).name(), code.label());
            }
            if (all.put(type.getSimpleName(), Collections.unmodifiableMap(codes)) != null) {
                throw new IllegalArgumentException("Two enums named " + type.getSimpleName());
            }
        }
        this.labels = Collections.unmodifiableMap(all);
    }

    public List<Class<? extends Labelled>> enums() {
        return enums;
    }

    public Map<String, Map<String, Labelled.Label>> labels() {
        return labels;
    }
}
