package it.ngsiena.gateway.overview;

import it.ngsiena.contracts.feasibility.StudyAbandoned;
import it.ngsiena.contracts.feasibility.StudyCompleted;
import it.ngsiena.contracts.feasibility.StudyRequested;
import it.ngsiena.contracts.feasibility.StudyStarted;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Studies as their events tell them: each study's event data merged in log order (later values win),
 * its status from the lifecycle events, its funding sources (each merged the same way) and the money
 * awarded to it by kind of funding ({@code fundingAwarded}). Read by the need trace and the open data.
 */
final class StudyStates {

    private StudyStates() {}

    /** The field of {@code fundingAwarded} for a kind of funding: PNRR → pnrrEur, MUNICIPAL → municipalEur. */
    static String awardedField(String kind) {
        return kind.toLowerCase(java.util.Locale.ROOT) + "Eur";
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
                EventRows.merge(
                        funding.computeIfAbsent(r.data().path("fundingSourceId").asText(), k -> new LinkedHashMap<>()),
                        r);
                continue;
            }
            EventRows.merge(s, r);
            switch (r.type()) {
                case StudyRequested.TYPE -> s.put("status", "REQUESTED");
                case StudyStarted.TYPE -> s.put("status", "IN_PROGRESS");
                case StudyCompleted.TYPE -> s.put("status", "COMPLETED");
                case StudyAbandoned.TYPE -> s.put("status", "ABANDONED");
                default -> {
                    // other study events carry data, not a status
                }
            }
        }
        for (Map<String, Object> f : funding.values()) {
            Map<String, Object> study = studies.get(String.valueOf(f.get("studyId")));
            @SuppressWarnings("unchecked")
            List<Object> list = (List<Object>) study.computeIfAbsent("funding", k -> new ArrayList<>());
            list.add(f);
            if ("AWARDED".equals(f.get("status")) && f.get("kind") != null && f.get("amountEur") != null) {
                // e.g. {"pnrrEur": 120000.00, "municipalEur": 15000.00, "totalEur": 135000.00} (TracedFundingAwarded)
                @SuppressWarnings("unchecked")
                Map<String, BigDecimal> awarded = (Map<String, BigDecimal>)
                        study.computeIfAbsent("fundingAwarded", k -> new TreeMap<String, BigDecimal>());
                BigDecimal amount = new BigDecimal(f.get("amountEur").toString());
                awarded.merge(awardedField((String) f.get("kind")), amount, BigDecimal::add);
                awarded.merge("totalEur", amount, BigDecimal::add);
            }
        }
        return List.copyOf(studies.values());
    }
}
