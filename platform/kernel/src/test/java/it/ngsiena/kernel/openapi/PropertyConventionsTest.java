package it.ngsiena.kernel.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PropertyConventionsTest {

    @Test
    void idsInstantsAmountsAndLabelsAreDescribedFromTheirNames() {
        assertThat(PropertyConventions.describe("NeedResponse", "id")).contains("Id of the need");
        assertThat(PropertyConventions.describe("FundingOpportunity", "id")).contains("Id of the funding opportunity");
        assertThat(PropertyConventions.describe("Study", "needIds")).contains("Ids of the needs");
        assertThat(PropertyConventions.describe(null, "fundingSourceId")).contains("Id of the funding source");
        assertThat(PropertyConventions.describe(null, "submittedAt")).contains("When it was submitted");
        assertThat(PropertyConventions.describe(null, "estimatedCostEur")).contains("Estimated cost in EUR");
        assertThat(PropertyConventions.describe(null, "statusLabelIt")).contains("Label of the status in Italian");
        assertThat(PropertyConventions.describe(null, "municipalities"))
                .get()
                .asString()
                .contains("ISTAT");
    }

    @Test
    void aNameThatFollowsNoConventionGetsNothing() {
        assertThat(PropertyConventions.describe("Study", "leadRoleNote")).isEmpty();
        assertThat(PropertyConventions.describe("Session", "externalReference")).isEmpty();
        assertThat(PropertyConventions.describe(null, "id")).contains("Id");
    }
}
