package it.ngsiena.contracts.feasibility;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** A funding opportunity (bando) was published: funder, kind, PNRR component where it applies, themes, eligible municipalities (empty: all), dates and budget. */
public record OpportunityPublished(
        UUID opportunityId,
        String title,
        String funder,
        String kind,
        String pnrrComponent,
        List<String> themes,
        List<String> eligibleMunicipalities,
        LocalDate opensOn,
        LocalDate deadline,
        BigDecimal totalBudgetEur,
        OffsetDateTime publishedAt) {

    public static final String TYPE = "it.ngsiena.feasibility.opportunity.published.v1";
}
