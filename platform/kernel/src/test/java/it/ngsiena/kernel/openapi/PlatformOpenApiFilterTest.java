package it.ngsiena.kernel.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The resource a path parameter names, for its description. */
class PlatformOpenApiFilterTest {

    @Test
    void anIdNamesTheResourceOfTheSegmentBeforeIt() {
        assertThat(PlatformOpenApiFilter.resourceOf("/v1/training/courses/{id}", "id")).contains("course");
        assertThat(PlatformOpenApiFilter.resourceOf("/v1/feasibility/studies/{id}/milestones/{milestoneId}/reached", "id"))
                .contains("study");
        assertThat(PlatformOpenApiFilter.resourceOf("/v1/feasibility/funding-opportunities/{id}", "id"))
                .contains("funding opportunity");
        assertThat(PlatformOpenApiFilter.resourceOf("/v1/feasibility/funding-sources/{id}", "id")).contains("funding source");
    }

    @Test
    void aNamedIdNamesItsResource() {
        assertThat(PlatformOpenApiFilter.resourceOf("/v1/feasibility/studies/{id}/milestones/{milestoneId}/reached",
                "milestoneId")).contains("milestone");
        assertThat(PlatformOpenApiFilter.resourceOf("/v1/training/courses/{courseId}/sessions", "courseId"))
                .contains("course");
    }

    @Test
    void otherParametersAreLeftToTheirResource() {
        assertThat(PlatformOpenApiFilter.resourceOf("/v1/training/certificates/{code}", "code")).isEmpty();
    }
}
