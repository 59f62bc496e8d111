package it.ngsiena.contracts.feasibility;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** A funding source was identified for a study: kind, PNRR component for PNRR money, amount in EUR and status. */
public record FundingSourceAdded(
        UUID studyId,
        UUID fundingSourceId,
        String kind,
        String pnrrComponent,
        BigDecimal amountEur,
        String status,
        List<String> municipalities,
        OffsetDateTime addedAt) {

    public static final String TYPE = "it.ngsiena.feasibility.funding-source.added.v1";
}
