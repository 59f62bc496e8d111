package it.ngsiena.contracts.feasibility;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** A funding source of a study changed amount or status (for example APPLIED to AWARDED). */
public record FundingSourceChanged(
        UUID studyId,
        UUID fundingSourceId,
        String kind,
        String pnrrComponent,
        BigDecimal amountEur,
        String status,
        String previousStatus,
        List<String> municipalities,
        OffsetDateTime changedAt) {

    public static final String TYPE = "it.ngsiena.feasibility.funding-source.changed.v1";
}
