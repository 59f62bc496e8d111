package it.ngsiena.gateway.overview;

import it.ngsiena.contracts.Visibility;
import it.ngsiena.contracts.Workstream;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One row per feasibility study for the open data, with the columns that join it to the national PNRR
 * open data (Italia Domani, PNRR_Progetti.csv) named as they are there: CUP and Codice Locale Progetto
 * (the national key), the classification, and the funding split by source. The mapping is in
 * docs/open-data.md.
 */
@ApplicationScoped
class StudyOpenData {

    /** Kinds of funding (the feasibility service's FundingKind) and the national column of each. */
    static final Map<String, String> FUNDING_COLUMNS = orderedMap(
            "PNRR", "Finanziamento PNRR",
            "NATIONAL", "Finanziamento - Stato",
            "EU", "Finanziamento UE (Diverso da PNRR)",
            "REGIONAL", "Finanziamento Regione",
            "MUNICIPAL", "Finanziamento Comune",
            "PRIVATE", "Finanziamento Privato");

    static final List<String> COLUMNS;

    static {
        List<String> columns = new ArrayList<>(List.of(
                "study_id",
                "title",
                "status",
                "verdict",
                "municipalities",
                "lead_organisation",
                "estimated_cost_eur",
                "CUP",
                "Codice Locale Progetto",
                "Missione",
                "Componente",
                "Codice Univoco Misura",
                "Codice Univoco Submisura"));
        columns.addAll(FUNDING_COLUMNS.values());
        columns.add("Finanziamento Totale");
        COLUMNS = List.copyOf(columns);
    }

    private final EventRows events;
    private final FiguresCache cache;
    private final ProgrammeFigures figures;

    StudyOpenData(EventRows events, FiguresCache cache, ProgrammeFigures figures) {
        this.events = events;
        this.cache = cache;
        this.figures = figures;
    }

    /** Every study the caller may see, merged from its events (cached per log position and access). */
    List<Map<String, Object>> studies(Set<String> grants) {
        return cache.get(
                "studies-" + String.join(",", grants),
                figures.logPosition(),
                () -> StudyStates.of(events.read(
                        grants,
                        "select " + EventRows.COLUMNS + " from $visible a where workstream = 'feasibility'"
                                + " and jsonb_exists(data, 'studyId') order by seq")));
    }

    /** Whether the caller may read this study's funding (its readers: the partners and the municipalities it names). */
    static boolean fundingReadable(Map<String, Object> study, Set<String> grants) {
        return Visibility.PARTNERS_AND_NAMED_MUNICIPALITIES.allows(
                grants, Workstream.FEASIBILITY, municipalities(study), null);
    }

    /** Awarded money of one kind, in EUR; zero when none. */
    static BigDecimal awarded(Map<String, Object> study, String kind) {
        @SuppressWarnings("unchecked")
        Map<String, BigDecimal> awarded = (Map<String, BigDecimal>) study.get("fundingAwarded");
        return awarded == null
                ? BigDecimal.ZERO.setScale(2)
                : awarded.getOrDefault(StudyStates.awardedField(kind), BigDecimal.ZERO)
                        .setScale(2);
    }

    @SuppressWarnings("unchecked")
    static List<String> municipalities(Map<String, Object> study) {
        Object value = study.get("municipalities");
        return value instanceof List<?> list ? (List<String>) list : List.of();
    }

    /** The rows, in {@link #COLUMNS} order; funding cells are empty where the caller may not read the funding. */
    List<List<String>> rows(Set<String> grants) {
        List<List<String>> rows = new ArrayList<>();
        for (Map<String, Object> s : studies(grants)) {
            List<String> row = new ArrayList<>(List.of(
                    text(s, "studyId"),
                    text(s, "title"),
                    text(s, "status"),
                    text(s, "verdict"),
                    String.join(" ", municipalities(s)),
                    text(s, "leadOrganisation"),
                    s.get("estimatedCostEur") == null
                            ? ""
                            : new BigDecimal(s.get("estimatedCostEur").toString())
                                    .setScale(2)
                                    .toPlainString(),
                    text(s, "cup"),
                    text(s, "localProjectCode"),
                    text(s, "pnrrMission"),
                    text(s, "pnrrComponent"),
                    text(s, "pnrrMeasure"),
                    text(s, "pnrrSubMeasure")));
            boolean readable = fundingReadable(s, grants);
            BigDecimal total = BigDecimal.ZERO.setScale(2);
            for (String kind : FUNDING_COLUMNS.keySet()) {
                BigDecimal amount = awarded(s, kind);
                total = total.add(amount);
                row.add(readable ? amount.toPlainString() : "");
            }
            row.add(readable ? total.toPlainString() : "");
            rows.add(row);
        }
        return rows;
    }

    private static String text(Map<String, Object> study, String field) {
        Object value = study.get(field);
        return value == null ? "" : value.toString();
    }

    private static Map<String, String> orderedMap(String... pairs) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put(pairs[i], pairs[i + 1]);
        }
        return java.util.Collections.unmodifiableMap(map);
    }
}
