package it.ngsiena.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The response check on a small document: what it must catch (a wrong schema, a null, a status), and what not. */
class ResponseContractTest {

    private static final JsonNode DOCUMENT = new JsonMapper().readTree("""
            {"openapi":"3.1.0","info":{"title":"t","version":"1.0.0"},
             "paths":{
               "/v1/things/{id}":{"get":{"responses":{
                  "200":{"content":{"application/json":{"schema":{"$ref":"#/components/schemas/Thing"}}}},
                  "404":{"content":{"application/problem+json":{"schema":{"type":"object"}}}}}}},
               "/v1/things/count":{"get":{"responses":{
                  "200":{"content":{"application/json":{"schema":{"type":"integer"}}}}}}}},
             "components":{"schemas":{"Thing":{"type":"object","required":["name"],"properties":{
                  "name":{"type":"string"},"size":{"type":"integer"},"id":{"type":"string","format":"uuid"}}}}}}""");

    private static List<String> check(String path, int status, String body) {
        return ResponseContract.violations(
                DOCUMENT, "test-" + UUID.randomUUID(), "GET", path, status, "application/json", body);
    }

    @Test
    void anAnswerTheSchemaDescribesPasses() {
        assertThat(check("/v1/things/7", 200, "{\"name\":\"a\",\"size\":3}")).isEmpty();
        assertThat(check("/v1/things/7", 200, "{\"name\":\"a\"}"))
                .as("an optional property left out")
                .isEmpty();
    }

    @Test
    void aNullAMissingRequiredPropertyAWrongTypeAndABadFormatAreCaught() {
        assertThat(check("/v1/things/7", 200, "{\"name\":\"a\",\"size\":null}"))
                .singleElement()
                .asString()
                .contains("size");
        assertThat(check("/v1/things/7", 200, "{\"size\":3}"))
                .singleElement()
                .asString()
                .contains("name");
        assertThat(check("/v1/things/7", 200, "{\"name\":1}"))
                .singleElement()
                .asString()
                .contains("name");
        assertThat(check("/v1/things/7", 200, "{\"name\":\"a\",\"id\":\"not-a-uuid\"}"))
                .singleElement()
                .asString()
                .contains("id");
    }

    @Test
    void theLiteralPathWinsAndAnUndocumentedStatusIsAViolationUnlessAnOutage() {
        assertThat(check("/v1/things/count", 200, "12"))
                .as("matched /v1/things/count, not /{id}")
                .isEmpty();
        assertThat(check("/v1/things/7", 201, "{\"name\":\"a\"}"))
                .singleElement()
                .asString()
                .contains("201");
        assertThat(check("/v1/things/7", 409, "{}"))
                .as("a refusal the operation does not document")
                .singleElement()
                .asString()
                .contains("409");
        assertThat(check("/v1/things/7", 404, "{}")).as("a documented refusal").isEmpty();
        assertThat(check("/v1/things/7", 503, "{}")).as("an outage").isEmpty();
        assertThat(check("/v1/other", 200, "{}")).as("not this document's path").isEmpty();
    }
}
