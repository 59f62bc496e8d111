package it.ngsiena.participation;

import static io.restassured.RestAssured.given;
import static it.ngsiena.participation.support.Fixtures.CHIUSI;
import static it.ngsiena.participation.support.Fixtures.SIENA;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.SecurityAttribute;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import it.ngsiena.participation.need.NeedStatus;
import it.ngsiena.participation.support.Fixtures;
import it.ngsiena.testkit.AuthorisationMatrix;
import it.ngsiena.testkit.PlatformTestResource;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Every endpoint against every kind of caller. Columns: programme-admin, participation-partner,
 * another partner (training), officer of the need's municipality (Siena), officer of another
 * municipality (Chiusi), viewer, anonymous.
 */
@QuarkusTest
@WithTestResource(PlatformTestResource.class)
class AuthorisationMatrixTest extends AuthorisationMatrix {

    static final String NEED = """
            {"title":"Matrice","description":"Prova dei ruoli","theme":"EDUCATION","municipalities":["052032"]}""";
    static final String WORKSHOP = """
            {"title":"Laboratorio","startsAt":"2022-06-01T10:00:00Z","endsAt":"2022-06-01T12:00:00Z",
             "meetingLink":"https://meet.example.org/x","municipalities":["052032"]}""";

    @Inject
    Fixtures fixtures;

    /** Expected status per column, for each endpoint; each call gets fresh fixtures. */
    @Override
    protected Map<String, int[]> matrix() {
        Map<String, int[]> m = new LinkedHashMap<>();
        m.put("POST /needs", new int[] {201, 201, 403, 201, 403, 403, 401});
        // An officer speaks for their own municipality only: a need of Siena and Chiusi is the partner's or the
        // admin's.
        m.put("POST /needs (two municipalities)", new int[] {201, 201, 403, 403, 403, 403, 401});
        m.put("GET /needs", new int[] {200, 200, 200, 200, 200, 200, 401});
        m.put("GET /needs/{id}", new int[] {200, 200, 200, 200, 200, 200, 401});
        m.put("PATCH /needs/{id}", new int[] {200, 200, 403, 200, 403, 403, 401});
        m.put("POST /needs/{id}/review", new int[] {200, 200, 403, 403, 403, 403, 401});
        m.put("POST /needs/{id}/prioritise", new int[] {200, 200, 403, 403, 403, 403, 401});
        m.put("POST /needs/{id}/reject", new int[] {200, 200, 403, 403, 403, 403, 401});
        // its submitters: the need's own officers, the partner that collects needs, the admin
        m.put("POST /needs/{id}/withdraw", new int[] {200, 200, 403, 200, 403, 403, 401});
        m.put("POST /needs/{id}/endorsements", new int[] {403, 403, 403, 409, 200, 403, 401});
        m.put("DELETE /needs/{id}/endorsements/" + CHIUSI, new int[] {200, 403, 403, 403, 200, 403, 401});
        m.put("POST /needs/{id}/solutions", new int[] {201, 201, 403, 201, 403, 403, 401});
        m.put("POST /needs:batch", new int[] {200, 200, 403, 403, 403, 403, 401});
        m.put("POST /workshops", new int[] {201, 201, 403, 403, 403, 403, 401});
        m.put("GET /workshops", new int[] {200, 200, 200, 200, 200, 200, 401});
        m.put("GET /themes", new int[] {200, 200, 200, 200, 200, 200, 200});
        m.put("GET /labels", new int[] {200, 200, 200, 200, 200, 200, 200});
        return m;
    }

    @Override
    protected int call(String endpoint) {
        UUID submitted = fixtures.need(NeedStatus.SUBMITTED, SIENA);
        UUID underReview = fixtures.need(NeedStatus.UNDER_REVIEW, SIENA);
        RequestSpecification json = given().contentType(ContentType.JSON);
        Function<String, String> path = p -> "/v1/participation" + p;
        return switch (endpoint.substring(0, endpoint.indexOf(' ')) + " "
                + endpoint.substring(endpoint.indexOf(' ') + 1).replace("{id}", "ID")) {
            case "POST /needs" -> json.body(NEED).post(path.apply("/needs")).statusCode();
            case "POST /needs (two municipalities)" ->
                json.body(NEED.replace("[\"052032\"]", "[\"052032\",\"" + CHIUSI + "\"]"))
                        .post(path.apply("/needs"))
                        .statusCode();
            case "GET /needs" -> given().get(path.apply("/needs")).statusCode();
            case "GET /needs/ID" ->
                given().get(path.apply("/needs/" + submitted)).statusCode();
            case "PATCH /needs/ID" ->
                json.header("If-Match", "\"0\"")
                        .body("{\"title\":\"Nuovo titolo\"}")
                        .patch(path.apply("/needs/" + submitted))
                        .statusCode();
            case "POST /needs/ID/review" ->
                given().post(path.apply("/needs/" + submitted + "/review")).statusCode();
            case "POST /needs/ID/prioritise" ->
                json.body("{\"rationale\":\"ok\"}")
                        .post(path.apply("/needs/" + underReview + "/prioritise"))
                        .statusCode();
            case "POST /needs/ID/reject" ->
                json.body("{\"answer\":\"no\"}")
                        .post(path.apply("/needs/" + underReview + "/reject"))
                        .statusCode();
            case "POST /needs/ID/withdraw" ->
                json.body("{\"reason\":\"Risolto con risorse proprie\"}")
                        .post(path.apply("/needs/" + underReview + "/withdraw"))
                        .statusCode();
            case "POST /needs/ID/endorsements" ->
                given().post(path.apply("/needs/" + submitted + "/endorsements"))
                        .statusCode();
            case "DELETE /needs/ID/endorsements/" + CHIUSI ->
                given().delete(path.apply("/needs/" + submitted + "/endorsements/" + CHIUSI))
                        .statusCode();
            case "POST /needs/ID/solutions" ->
                json.body("{\"title\":\"Idea\",\"description\":\"Descrizione\"}")
                        .post(path.apply("/needs/" + submitted + "/solutions"))
                        .statusCode();
            case "POST /needs:batch" ->
                json.urlEncodingEnabled(false)
                        .body("{\"items\":[{\"externalId\":\"m-" + UUID.randomUUID() + "\",\"need\":" + NEED + "}]}")
                        .post(path.apply("/needs:batch"))
                        .statusCode();
            case "POST /workshops" ->
                json.body(WORKSHOP).post(path.apply("/workshops")).statusCode();
            case "GET /workshops" -> given().get(path.apply("/workshops")).statusCode();
            case "GET /themes" -> given().get(path.apply("/themes")).statusCode();
            case "GET /labels" -> given().get(path.apply("/labels")).statusCode();
            default -> throw new IllegalArgumentException(endpoint);
        };
    }

    @Test
    @TestSecurity(user = "admin", roles = "programme-admin")
    void programmeAdmin() {
        assertColumn(ADMIN);
    }

    @Test
    @TestSecurity(user = "codesign", roles = "participation-partner")
    void participationPartner() {
        assertColumn(PARTNER);
    }

    @Test
    @TestSecurity(user = "euronike", roles = "training-partner")
    void anotherPartner() {
        assertColumn(OTHER_PARTNER);
    }

    @Test
    @TestSecurity(
            user = "officer-siena",
            roles = "municipality-officer",
            attributes = @SecurityAttribute(key = "municipality", value = SIENA))
    void officerOfTheNeedsMunicipality() {
        assertColumn(OFFICER);
    }

    @Test
    @TestSecurity(
            user = "officer-chiusi",
            roles = "municipality-officer",
            attributes = @SecurityAttribute(key = "municipality", value = CHIUSI))
    void officerOfAnotherMunicipality() {
        assertColumn(OTHER_OFFICER);
    }

    @Test
    @TestSecurity(user = "viewer", roles = "viewer")
    void viewer() {
        assertColumn(VIEWER);
    }

    @Test
    void anonymous() {
        assertColumn(ANONYMOUS);
    }

    /** A token of the realm without any platform role: refused (403) wherever anonymous callers get 401. */
    @Test
    @TestSecurity(user = "someone", roles = "default-roles-ngs")
    void aTokenWithoutAPlatformRole() {
        assertColumnOfATokenWithoutAPlatformRole();
    }
}
