package it.ngsiena.contracts.feasibility;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * A published funding call (bando) was corrected (EDITED), closed early (CLOSED) or withdrawn (WITHDRAWN): its
 * state after the change, the reason of a closure or withdrawal, and the studies matched to it with their
 * municipalities, whose officers are told.
 */
public record OpportunityChanged(
        UUID opportunityId,
        String change,
        String status,
        String title,
        String funder,
        List<String> themes,
        List<String> eligibleMunicipalities,
        LocalDate opensOn,
        LocalDate deadline,
        BigDecimal totalBudgetEur,
        String reason,
        List<UUID> matchedStudyIds,
        List<String> municipalities,
        long version,
        OffsetDateTime changedAt) {

    public static final String TYPE = "it.ngsiena.feasibility.opportunity.changed.v1";
}
