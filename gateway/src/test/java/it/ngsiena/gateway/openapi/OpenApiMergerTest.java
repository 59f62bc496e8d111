package it.ngsiena.gateway.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OpenApiMergerTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode doc(String json) throws Exception {
        return JSON.readTree(json.replace('\'', '"'));
    }

    @Test
    void pathsComponentsAndTagsOfEveryServiceAreMergedAndSharedDefinitionsKeptOnce() throws Exception {
        JsonNode gateway = doc("{'info':{'title':'NGS'},'paths':{'/v1/activity':{}},'tags':[{'name':'Activity'}]}");
        Map<String, JsonNode> services = new LinkedHashMap<>();
        services.put(
                "training",
                doc("{'paths':{'/v1/training/courses':{}},'tags':[{'name':'Courses'},{'name':'Activity'}],"
                        + "'components':{'schemas':{'Problem':{'type':'object'},'Course':{'type':'object'}}}}"));
        services.put(
                "comms",
                doc("{'paths':{'/v1/comms/announcements':{}},"
                        + "'components':{'schemas':{'Problem':{'type':'object'}}}}"));

        JsonNode merged = OpenApiMerger.merge(JSON, gateway, services);

        assertThat(merged.at("/info/title").asText()).isEqualTo("NGS");
        assertThat(merged.get("paths").fieldNames())
                .toIterable()
                .containsExactly("/v1/activity", "/v1/training/courses", "/v1/comms/announcements");
        assertThat(merged.at("/components/schemas").fieldNames()).toIterable().containsExactly("Problem", "Course");
        assertThat(merged.get("tags").findValuesAsText("name")).containsExactly("Activity", "Courses");
        assertThat(merged.has(OpenApiMerger.CONFLICTS)).isFalse();
    }

    @Test
    void aNameTwoServicesDefineDifferentlyIsReportedNotSilentlyDropped() throws Exception {
        Map<String, JsonNode> services = new LinkedHashMap<>();
        services.put(
                "training",
                doc("{'paths':{'/v1/topics':{'get':{'operationId':'a'}}},"
                        + "'components':{'schemas':{'Topic':{'type':'string'}}}}"));
        services.put(
                "participation",
                doc("{'paths':{'/v1/topics':{'get':{'operationId':'b'}}},"
                        + "'components':{'schemas':{'Topic':{'type':'object'}}}}"));

        JsonNode merged = OpenApiMerger.merge(JSON, doc("{}"), services);

        assertThat(merged.get(OpenApiMerger.CONFLICTS))
                .extracting(JsonNode::asText)
                .containsExactly(
                        "paths/v1/topics differs between training and participation",
                        "schemas/Topic differs between training and participation");
        assertThat(merged.at("/components/schemas/Topic/type").asText()).isEqualTo("string");
    }
}
