package it.ngsiena.gateway.overview;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Studies as their events tell them: each study's event data merged in log order (later values win),
 * its status from the lifecycle events, its funding sources (each merged the same way) and the money
 * awarded to it by kind of funding. Read by the need trace and the open data.
 */
final class StudyStates {

    private StudyStates() {
    }

    /** The studies of these feasibility events, in the order they first appear. */
    static List<Map<String, Object>> of(List<EventRows.Row> feasibilityEvents) {
        Map<String, Map<String, Object>> studies = new LinkedHashMap<>();
        Map<String, Map<String, Object>> funding = new LinkedHashMap<>();
        for (EventRows.Row r : feasibilityEvents) {
            String study = r.data().path("studyId").asText();
            if (study.isEmpty()) {
                continue;
            }
            Map<String, Object> s = studies.computeIfAbsent(study, k -> new LinkedHashMap<>());
            if (r.type().contains("funding-source")) {
                EventRows.merge(funding.computeIfAbsent(r.data().path("fundingSourceId").asText(),
                        k -> new LinkedHashMap<>()),
                        r);
                continue;
            }
            EventRows.merge(s, r);
            if (r.type().endsWith("study.requested.v1")) {
                s.put("status", "REQUESTED");
            } else if (r.type().endsWith("study.started.v1")) {
                s.put("status", "IN_PROGRESS");
            } else if (r.type().endsWith("study.completed.v1")) {
                s.put("status", "COMPLETED");
            } else if (r.type().endsWith("study.abandoned.v1")) {
                s.put("status", "ABANDONED");
            }
        }
        for (Map<String, Object> f : funding.values()) {
            Map<String, Object> study = studies.get(String.valueOf(f.get("studyId")));
            @SuppressWarnings("unchecked")
            List<Object> list = (List<Object>) study.computeIfAbsent("funding", k -> new ArrayList<>());
            list.add(f);
            if ("AWARDED".equals(f.get("status")) && f.get("kind") != null && f.get("amountEur") != null) {
                @SuppressWarnings("unchecked")
                Map<String, BigDecimal> awarded = (Map<String, BigDecimal>) study.computeIfAbsent(
                        "fundingAwardedByKindEur", k -> new TreeMap<String, BigDecimal>());
                awarded.merge((String) f.get("kind"), new BigDecimal(f.get("amountEur").toString()), BigDecimal::add);
            }
        }
        return List.copyOf(studies.values());
    }
}
