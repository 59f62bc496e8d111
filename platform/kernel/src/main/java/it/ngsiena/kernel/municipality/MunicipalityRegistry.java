package it.ngsiena.kernel.municipality;

import it.ngsiena.kernel.problem.Problem;
import it.ngsiena.kernel.problem.ProblemException;
import it.ngsiena.kernel.text.CsvResource;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The 35 municipalities of the Province of Siena, read from {@code seeds/municipalities.csv} (whose
 * header names its sources). Which of them take part in the programme is data kept elsewhere.
 */
@ApplicationScoped
public class MunicipalityRegistry {

    static final String RESOURCE = "seeds/municipalities.csv";

    private final Map<String, Municipality> byCode;

    public MunicipalityRegistry() {
        this.byCode = load();
    }

    public List<Municipality> all() {
        return List.copyOf(byCode.values());
    }

    public Optional<Municipality> find(String istatCode) {
        return Optional.ofNullable(istatCode == null ? null : byCode.get(istatCode));
    }

    public boolean exists(String istatCode) {
        return istatCode != null && byCode.containsKey(istatCode);
    }

    /**
     * Refuses codes that are not municipalities of the province, naming each offending entry.
     *
     * @param field the request field that holds the codes, e.g. {@code municipalities}
     */
    public void requireKnown(Collection<String> codes, String field) {
        List<Problem.Violation> violations = new ArrayList<>();
        int i = 0;
        for (String code : codes) {
            if (!exists(code)) {
                violations.add(new Problem.Violation(
                        field + "[" + i + "]",
                        "unknown ISTAT code " + code + ": not a municipality of the Province of Siena"));
            }
            i++;
        }
        if (!violations.isEmpty()) {
            throw ProblemException.unprocessable("Unknown municipality", violations);
        }
    }

    private static Map<String, Municipality> load() {
        Map<String, Municipality> result = new LinkedHashMap<>();
        for (List<String> row : CsvResource.rows(MunicipalityRegistry.class, RESOURCE)) {
            result.put(row.get(0), new Municipality(row.get(0), row.get(1)));
        }
        return Collections.unmodifiableMap(result);
    }
}
