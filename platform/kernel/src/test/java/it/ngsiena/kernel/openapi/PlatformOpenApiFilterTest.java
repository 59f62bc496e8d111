package it.ngsiena.kernel.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.junit.jupiter.api.Test;

/** What the platform's filter adds to every service's API document. */
class PlatformOpenApiFilterTest {

    private static Operation withIfMatch() {
        return OASFactory.createOperation()
                .responses(OASFactory.createAPIResponses()
                        .addAPIResponse("200", OASFactory.createAPIResponse().description("Done")))
                .addParameter(OASFactory.createParameter().name("If-Match").in(Parameter.In.HEADER));
    }

    @Test
    void anIfMatchBringsA412AndOnAnEditA428DeclaredOnceForEveryService() {
        Operation edit = withIfMatch();
        Operation move = withIfMatch();
        Operation update = withIfMatch();
        update.getResponses()
                .addAPIResponse("428", OASFactory.createAPIResponse().description("If-Match missing on an update"));
        Operation read = OASFactory.createOperation()
                .responses(OASFactory.createAPIResponses()
                        .addAPIResponse("200", OASFactory.createAPIResponse().description("The course")));
        OpenAPI document = OASFactory.createOpenAPI()
                .paths(OASFactory.createPaths()
                        .addPathItem(
                                "/v1/training/courses/{id}",
                                OASFactory.createPathItem().PATCH(edit).GET(read))
                        .addPathItem(
                                "/v1/training/sessions/{id}/cancel",
                                OASFactory.createPathItem().POST(move))
                        .addPathItem(
                                "/v1/programme/members/{istat}",
                                OASFactory.createPathItem().PUT(update)));

        new PlatformOpenApiFilter().filterOpenAPI(document);

        assertThat(edit.getResponses().getAPIResponses()).containsKeys("412", "428");
        assertThat(edit.getResponses().getAPIResponse("412").getContent().getMediaType("application/problem+json"))
                .isNotNull();
        assertThat(edit.getResponses().getAPIResponse("428").getHeaders()).containsKey("X-RateLimit-Limit");
        assertThat(edit.getParameters().get(0).getDescription()).contains("428 without it");
        assertThat(move.getResponses().getAPIResponses()).containsKey("412").doesNotContainKey("428");
        assertThat(move.getParameters().get(0).getDescription()).contains("without it, the move applies");
        assertThat(update.getResponses().getAPIResponse("428").getDescription())
                .isEqualTo("If-Match missing on an update");
        assertThat(read.getResponses().getAPIResponses()).doesNotContainKeys("412", "428");
    }

    @Test
    void anOperationWithABodyDeclaresTheBodyLimitsAndOneWithoutDoesNot() {
        Operation create = OASFactory.createOperation()
                .requestBody(OASFactory.createRequestBody().description("The course"))
                .responses(OASFactory.createAPIResponses()
                        .addAPIResponse("201", OASFactory.createAPIResponse().description("Created")));
        Operation read = OASFactory.createOperation()
                .responses(OASFactory.createAPIResponses()
                        .addAPIResponse("200", OASFactory.createAPIResponse().description("The courses")));
        PlatformOpenApiFilter filter = new PlatformOpenApiFilter();
        filter.filterOperation(create);
        filter.filterOperation(read);
        assertThat(create.getResponses().getAPIResponses()).containsKeys("411", "413");
        assertThat(create.getResponses().getAPIResponse("413").getContent().getMediaType("application/problem+json"))
                .isNotNull();
        assertThat(read.getResponses().getAPIResponses()).doesNotContainKeys("411", "413");
    }

    @Test
    void every429And503SaysWhenToComeBack() {
        Operation stream = OASFactory.createOperation()
                .responses(OASFactory.createAPIResponses()
                        .addAPIResponse("200", OASFactory.createAPIResponse().description("The stream"))
                        .addAPIResponse("503", OASFactory.createAPIResponse().description("Too many streams")));
        new PlatformOpenApiFilter().filterOperation(stream);
        assertThat(stream.getResponses().getAPIResponse("503").getHeaders()).containsKey("Retry-After");
        assertThat(stream.getResponses().getAPIResponse("429").getHeaders()).containsKey("Retry-After");
        assertThat(stream.getResponses().getAPIResponse("200").getHeaders()).doesNotContainKey("Retry-After");
    }

    @Test
    void anIdNamesTheResourceOfTheSegmentBeforeIt() {
        assertThat(PlatformOpenApiFilter.resourceOf("/v1/training/courses/{id}", "id"))
                .contains("course");
        assertThat(PlatformOpenApiFilter.resourceOf(
                        "/v1/feasibility/studies/{id}/milestones/{milestoneId}/reached", "id"))
                .contains("study");
        assertThat(PlatformOpenApiFilter.resourceOf("/v1/feasibility/funding-opportunities/{id}", "id"))
                .contains("funding opportunity");
        assertThat(PlatformOpenApiFilter.resourceOf("/v1/feasibility/funding-sources/{id}", "id"))
                .contains("funding source");
    }

    @Test
    void aNamedIdNamesItsResource() {
        assertThat(PlatformOpenApiFilter.resourceOf(
                        "/v1/feasibility/studies/{id}/milestones/{milestoneId}/reached", "milestoneId"))
                .contains("milestone");
        assertThat(PlatformOpenApiFilter.resourceOf("/v1/training/courses/{courseId}/sessions", "courseId"))
                .contains("course");
    }

    @Test
    void otherParametersAreLeftToTheirResource() {
        assertThat(PlatformOpenApiFilter.resourceOf("/v1/training/certificates/{code}", "code"))
                .isEmpty();
    }
}
