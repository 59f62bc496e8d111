package it.ngsiena.feasibility.opportunity;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * How well an opportunity suits a study, out of 100: themes in common (50), the share of the study's
 * municipalities that are eligible (30), a budget that covers the estimated cost (20; 10 when either is
 * unknown). An opportunity for which none of the study's municipalities is eligible does not match.
 */
public final class OpportunityRanking {

    private OpportunityRanking() {}

    /** What the ranking needs to know about a study. */
    public record StudyFacts(List<String> themes, List<String> municipalities, BigDecimal estimatedCostEur) {}

    /** A score with its reasons. */
    public record Score(int value, List<String> reasons) {}

    /** The score of an opportunity for a study, or empty when the study's municipalities are not eligible. */
    public static Optional<Score> score(StudyFacts study, FundingOpportunity o) {
        List<String> reasons = new ArrayList<>();
        int value = 0;
        List<String> eligible = o.eligibleMunicipalities.isEmpty()
                ? study.municipalities()
                : study.municipalities().stream()
                        .filter(o.eligibleMunicipalities::contains)
                        .toList();
        if (eligible.isEmpty()) {
            return Optional.empty();
        }
        List<String> common = study.themes().stream().filter(o.themes::contains).toList();
        if (!common.isEmpty()) {
            value += 50;
            reasons.add("themes in common: " + String.join(", ", common));
        } else {
            reasons.add("no theme in common");
        }
        value += Math.round(30f * eligible.size() / study.municipalities().size());
        reasons.add(eligible.size() + " of " + study.municipalities().size() + " municipalities eligible");
        if (o.totalBudgetEur == null || study.estimatedCostEur() == null) {
            value += 10;
            reasons.add("budget and cost not both known");
        } else if (o.totalBudgetEur.compareTo(study.estimatedCostEur()) >= 0) {
            value += 20;
            reasons.add("budget covers the estimated cost");
        } else {
            reasons.add("budget below the estimated cost");
        }
        return Optional.of(new Score(value, reasons));
    }
}
