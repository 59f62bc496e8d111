package it.ngsiena.gateway.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

class BodyExamplesTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static ObjectNode document() throws Exception {
        return (ObjectNode) JSON.readTree("""
                {"paths":{"/v1/needs":{"post":{
                  "requestBody":{"content":{"application/json":{"schema":{"$ref":"#/components/schemas/NeedRequest"}}}},
                  "responses":{
                    "201":{"content":{"application/json":{"schema":{"$ref":"#/components/schemas/Need"}}}},
                    "409":{"description":"Not in a state that allows it",
                           "content":{"application/problem+json":{"schema":{"$ref":"#/components/schemas/Problem"}}}},
                    "200":{"content":{"application/json":{"schema":{"type":"object"},"example":{"kept":true}}}}}}}},
                 "components":{"schemas":{
                   "NeedRequest":{"type":"object","example":{"title":"Navetta"},"properties":{"title":{"type":"string"}}},
                   "Need":{"type":"object","properties":{
                     "id":{"$ref":"#/components/schemas/UUID"},
                     "title":{"type":"string","examples":["Sportello digitale"]},
                     "status":{"type":"string","enum":["SUBMITTED","REJECTED"]},
                     "municipalities":{"type":"array","items":{"type":"string","pattern":"^[0-9]{6}$"}},
                     "votes":{"type":["integer","null"],"format":"int32","minimum":0},
                     "note":{"type":"string"},
                     "parent":{"$ref":"#/components/schemas/Need"}}},
                   "UUID":{"type":"string","format":"uuid"},
                   "Problem":{"type":"object"}}}}""");
    }

    @Test
    void bodiesWithoutAnExampleGetOneBuiltFromTheirSchemasAndWrittenOnesAreKept() throws Exception {
        ObjectNode document = document();

        BodyExamples.apply(document);

        JsonNode post = document.at("/paths/~1v1~1needs/post");
        assertThat(post.at("/requestBody/content/application~1json/example/title")
                        .asText())
                .isEqualTo("Navetta");
        JsonNode need = post.at("/responses/201/content/application~1json/example");
        assertThat(need.get("id").asText()).isEqualTo("3fa85f64-5717-4562-b3fc-2c963f66afa6");
        assertThat(need.get("title").asText()).isEqualTo("Sportello digitale");
        assertThat(need.get("status").asText()).isEqualTo("SUBMITTED");
        assertThat(need.get("municipalities").get(0).asText()).isEqualTo("052032");
        assertThat(need.get("votes").asInt()).isEqualTo(1);
        assertThat(need.has("note")).as("no made-up text").isFalse();
        assertThat(need.has("parent"))
                .as("a schema that contains itself stops at itself")
                .isFalse();
        assertThat(post.at("/responses/200/content/application~1json/example/kept")
                        .asBoolean())
                .isTrue();

        JsonNode problem = post.at("/responses/409/content/application~1problem+json/example");
        assertThat(problem.get("status").asInt()).isEqualTo(409);
        assertThat(problem.get("type").asText()).isEqualTo("urn:ngsiena:problem:conflict");
        assertThat(problem.get("detail").asText()).isEqualTo("Not in a state that allows it");
    }
}
