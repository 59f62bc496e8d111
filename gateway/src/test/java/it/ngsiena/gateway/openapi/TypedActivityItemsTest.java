package it.ngsiena.gateway.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import it.ngsiena.contracts.EventCatalog;
import it.ngsiena.contracts.participation.NeedSubmitted;
import it.ngsiena.gateway.asyncapi.EventSchemas;
import org.junit.jupiter.api.Test;

class TypedActivityItemsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String NEED_SUBMITTED = NeedSubmitted.TYPE;

    @Test
    void schemaNamesComeFromTheTypeWithoutItsPrefix() {
        assertThat(TypedActivityItems.schemaName("it.ngsiena.participation.need.status-changed.v1"))
                .isEqualTo("NeedStatusChangedV1");
        assertThat(TypedActivityItems.schemaName("it.ngsiena.feasibility.funding-source.added.v1"))
                .isEqualTo("FundingSourceAddedV1");
    }

    @Test
    void everyCatalogueTypeIsAVariantWhoseDataIsTheContractSchema() throws Exception {
        ObjectNode document = (ObjectNode) JSON.readTree("""
                {"components":{"schemas":{"ActivityItem":{"type":"object","properties":{
                  "id":{"type":"string"},"type":{"type":"string"},"data":{"type":"object"}}}}}}""");

        TypedActivityItems.apply(document);

        JsonNode schemas = document.at("/components/schemas");
        JsonNode item = schemas.get("ActivityItem");
        assertThat(item.get("oneOf")).hasSize(EventCatalog.PLATFORM.types().size());
        assertThat(item.at("/discriminator/propertyName").asText()).isEqualTo("type");
        assertThat(item.at("/discriminator/mapping").size())
                .isEqualTo(EventCatalog.PLATFORM.types().size());
        assertThat(item.at("/discriminator/mapping/" + NEED_SUBMITTED.replace("/", "~1"))
                        .asText())
                .isEqualTo("#/components/schemas/NeedSubmittedV1Activity");

        JsonNode variant = schemas.get("NeedSubmittedV1Activity");
        assertThat(variant.at("/allOf/0/$ref").asText()).isEqualTo("#/components/schemas/ActivityItemCommon");
        assertThat(variant.at("/allOf/1/properties/type/enum/0").asText()).isEqualTo(NEED_SUBMITTED);
        assertThat(variant.at("/allOf/1/properties/data/$ref").asText())
                .isEqualTo("#/components/schemas/NeedSubmittedV1Data");
        assertThat(schemas.get("NeedSubmittedV1Data"))
                .isEqualTo(EventSchemas.embedded(EventCatalog.PLATFORM.require(NeedSubmitted.class)));

        assertThat(schemas.at("/ActivityItemCommon/properties").fieldNames())
                .toIterable()
                .containsExactly("id");
    }
}
