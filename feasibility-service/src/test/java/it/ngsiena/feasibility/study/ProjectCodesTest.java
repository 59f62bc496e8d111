package it.ngsiena.feasibility.study;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import it.ngsiena.contracts.feasibility.StudyProjectCodesRecorded;
import it.ngsiena.testkit.OutboxProbe;
import it.ngsiena.testkit.PlatformTestResource;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The CUP, the local project code and the PNRR sub-measure that join a study to the national records. */
@QuarkusTest
@WithTestResource(PlatformTestResource.class)
@TestSecurity(user = "openimpact", roles = "feasibility-partner")
class ProjectCodesTest {

    private static io.restassured.response.ValidatableResponse patch(UUID study, long version, String body) {
        return given().contentType(ContentType.JSON)
                .header("If-Match", "\"" + version + "\"")
                .body(body)
                .when()
                .patch("/v1/feasibility/studies/" + study)
                .then();
    }

    @Test
    void theCodesAreStoredSplitIntoThePnrrLevelsAndAnnouncedOnce() {
        UUID study = StudyAccessTest.stored("052032");
        patch(study, 0, """
                {"cup":"J61B22000129906","localProjectCode":"SIENA-PNRR-2022-014","pnrrSubMeasure":"M1C1I1.04.00"}""")
                .statusCode(200)
                .body("cup", equalTo("J61B22000129906"))
                .body("localProjectCode", equalTo("SIENA-PNRR-2022-014"))
                .body("pnrrMission", equalTo("M1"))
                .body("pnrrComponent", equalTo("M1C1"))
                .body("pnrrMeasure", equalTo("M1C1I1.04"))
                .body("pnrrSubMeasure", equalTo("M1C1I1.04.00"));

        var events = OutboxProbe.events(study, StudyProjectCodesRecorded.TYPE);
        assertThat(events).singleElement().satisfies(e -> {
            assertThat(e.data().get("cup").asText()).isEqualTo("J61B22000129906");
            assertThat(e.data().get("pnrrMeasure").asText()).isEqualTo("M1C1I1.04");
            assertThat(e.data().get("municipalities").get(0).asText()).isEqualTo("052032");
        });
        // the same codes again change nothing, so nothing is announced; another field neither
        patch(study, 1, "{\"cup\":\"J61B22000129906\"}").statusCode(200);
        patch(study, 2, "{\"leadRole\":\"Analista\"}").statusCode(200);
        assertThat(OutboxProbe.events(study, StudyProjectCodesRecorded.TYPE)).hasSize(1);
        patch(study, 3, "{\"localProjectCode\":\"SIENA-PNRR-2022-015\"}").statusCode(200);
        assertThat(OutboxProbe.events(study, StudyProjectCodesRecorded.TYPE)).hasSize(2);
    }

    @Test
    void malformedUnknownOrSharedCodesAreRefused() {
        UUID study = StudyAccessTest.stored("052015");
        patch(study, 0, "{\"cup\":\"J61B2200012000\"}").statusCode(400).body("violations.field", hasItem("cup"));
        patch(study, 0, "{\"cup\":\"161B22000120006\"}").statusCode(400).body("violations.field", hasItem("cup"));
        patch(study, 0, "{\"pnrrSubMeasure\":\"M1C1I1.04\"}")
                .statusCode(400)
                .body("violations.field", hasItem("pnrrSubMeasure"));
        patch(study, 0, "{\"localProjectCode\":\"a b\"}")
                .statusCode(400)
                .body("violations.field", hasItem("localProjectCode"));
        // M1 has three components: M1C4 is no component of the plan
        patch(study, 0, "{\"pnrrSubMeasure\":\"M1C4I1.01.00\"}")
                .statusCode(422)
                .body("violations[0].field", equalTo("pnrrSubMeasure"));

        UUID other = StudyAccessTest.stored("052015");
        patch(other, 0, "{\"cup\":\"B19J22000450001\"}").statusCode(200);
        patch(study, 0, "{\"cup\":\"B19J22000450001\"}").statusCode(409);
    }
}
