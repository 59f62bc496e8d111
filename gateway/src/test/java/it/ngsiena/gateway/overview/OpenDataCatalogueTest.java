package it.ngsiena.gateway.overview;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import it.ngsiena.gateway.FakeServicesResource;
import it.ngsiena.testkit.PlatformTestResource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The open data's DCAT-AP_IT catalogue holds what the profile makes mandatory for each class (the national
 * guidelines' table: catalogue, dataset, distribution, agent, licence, period of time), the coverage this
 * programme's data has, and every open-data file the gateway serves, each under the licence it names.
 */
@QuarkusTest
@WithTestResource(PlatformTestResource.class)
@WithTestResource(FakeServicesResource.class)
class OpenDataCatalogueTest {

    static final String BASE = "https://api.ngsiena.test";

    static final List<String> CATALOGUE =
            List.of("dct:title", "dct:description", "dct:publisher", "dct:modified", "dcat:dataset");
    /** Mandatory in DCAT-AP_IT, and publisher, temporal and spatial coverage as the programme asks. */
    static final List<String> DATASET = List.of(
            "dct:identifier",
            "dct:title",
            "dct:description",
            "dct:modified",
            "dcat:theme",
            "dct:rightsHolder",
            "dct:accrualPeriodicity",
            "dcat:distribution",
            "dct:publisher",
            "dct:temporal",
            "dct:spatial");

    static final List<String> DISTRIBUTION = List.of("dct:format", "dcat:accessURL", "dct:license");
    static final List<String> AGENT = List.of("dct:identifier", "foaf:name");

    @Test
    void theCatalogueHasEveryPropertyTheProfileRequires() {
        JsonPath catalogue = given().when()
                .get("/v1/open-data/catalog.jsonld")
                .then()
                .statusCode(200)
                .contentType("application/ld+json")
                .header("Link", "<https://creativecommons.org/licenses/by/4.0/>; rel=\"license\"")
                .extract()
                .jsonPath();
        assertThat(catalogue.getList("'@type'", String.class)).contains("dcatapit:Catalog");
        assertThat(catalogue.getMap("'@context'")).containsEntry("dcatapit", "http://dati.gov.it/onto/dcatapit#");
        requires(catalogue.getMap("$"), CATALOGUE, "catalogue");
        requires(catalogue.getMap("'dct:publisher'"), AGENT, "publisher");
        assertThat(catalogue.getString("'dct:publisher'.'dct:identifier'")).isEqualTo("p_si");
        assertThat(catalogue.getString("'dct:modified'.'@value'")).matches("\\d{4}-\\d{2}-\\d{2}");

        List<Map<String, Object>> datasets = catalogue.getList("'dcat:dataset'");
        assertThat(datasets).hasSize(2);
        List<String> files = new ArrayList<>();
        for (int i = 0; i < datasets.size(); i++) {
            String at = "'dcat:dataset'[" + i + "]";
            requires(catalogue.getMap(at), DATASET, "dataset " + i);
            requires(catalogue.getMap(at + ".'dct:rightsHolder'"), AGENT, "rights holder " + i);
            assertThat(catalogue.getString(at + ".'dct:identifier'")).startsWith("p_si:");
            assertThat(catalogue.getString(at + ".'dcat:theme'.'@id'"))
                    .startsWith("http://publications.europa.eu/resource/authority/data-theme/");
            assertThat(catalogue.getString(at + ".'dct:temporal'.'dcatapit:startDate'.'@value'"))
                    .isEqualTo("2022-03-24");
            assertThat(catalogue.getString(at + ".'dct:spatial'.'locn:geographicName'"))
                    .isEqualTo("Provincia di Siena");
            List<Map<String, Object>> distributions = catalogue.getList(at + ".'dcat:distribution'");
            for (int j = 0; j < distributions.size(); j++) {
                String d = at + ".'dcat:distribution'[" + j + "]";
                requires(catalogue.getMap(d), DISTRIBUTION, "distribution " + i + "/" + j);
                assertThat(catalogue.getString(d + ".'dct:license'.'@id'"))
                        .isEqualTo("https://creativecommons.org/licenses/by/4.0/");
                assertThat(catalogue.getList(d + ".'dct:license'.'@type'", String.class))
                        .contains("dcatapit:LicenseDocument");
                assertThat(catalogue.getString(d + ".'dct:license'.'dct:type'.'@id'"))
                        .isEqualTo("http://purl.org/adms/licencetype/Attribution");
                assertThat(catalogue.getString(d + ".'dct:format'.'@id'"))
                        .startsWith("http://publications.europa.eu/resource/authority/file-type/");
                files.add(catalogue.getString(d + ".'dcat:accessURL'.'@id'"));
            }
        }

        // every open-data file of the gateway's own API is in the catalogue, and answers under its licence
        List<String> served = given()
                .queryParam("format", "json")
                .when()
                .get("/q/openapi")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getMap("paths")
                .keySet()
                .stream()
                .map(Object::toString)
                .filter(p -> p.startsWith("/v1/open-data/") && (p.endsWith(".csv") || p.endsWith(".json")))
                .map(p -> BASE + p)
                .toList();
        assertThat(files).containsExactlyInAnyOrderElementsOf(served);
        for (String file : files) {
            given().when()
                    .get(file.substring(BASE.length()))
                    .then()
                    .statusCode(200)
                    .header("Link", "<https://creativecommons.org/licenses/by/4.0/>; rel=\"license\"");
        }
        given().when()
                .get("/v1/open-data/studies.json")
                .then()
                .body("license", org.hamcrest.Matchers.equalTo("https://creativecommons.org/licenses/by/4.0/"));
    }

    private static void requires(Map<String, Object> node, List<String> properties, String what) {
        assertThat(node).as(what).containsKeys(properties.toArray(String[]::new));
        properties.forEach(p -> assertThat(node.get(p)).as(what + " " + p).isNotNull());
    }
}
