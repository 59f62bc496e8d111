package it.ngsiena.feasibility;

import static io.restassured.RestAssured.given;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.SecurityAttribute;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import it.ngsiena.feasibility.funding.FundingKind;
import it.ngsiena.feasibility.funding.FundingSource;
import it.ngsiena.feasibility.funding.FundingStatus;
import it.ngsiena.feasibility.opportunity.FundingOpportunity;
import it.ngsiena.feasibility.study.Study;
import it.ngsiena.feasibility.study.StudyChild;
import it.ngsiena.feasibility.study.StudyStatus;
import it.ngsiena.kernel.persistence.AuditedEntity;
import it.ngsiena.testkit.AuthorisationMatrix;
import it.ngsiena.testkit.PlatformTestResource;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Every endpoint of the feasibility service against every kind of caller. Columns: programme-admin,
 * feasibility-partner, another partner (training), officer of the study's municipality (Siena), officer
 * of another municipality (Chiusi), viewer, anonymous. Each call gets fresh fixtures, stored directly.
 */
@QuarkusTest
@WithTestResource(PlatformTestResource.class)
class AuthorisationMatrixTest extends AuthorisationMatrix {

    static final String SIENA = "052032";
    static final String CHIUSI = "052011";

    /** Expected status per column, for each endpoint. A study of Siena: 404 for Chiusi's officer, so nothing leaks. */
    @Override
    protected Map<String, int[]> matrix() {
        int[] readStudy = {200, 200, 200, 200, 404, 200, 401};
        int[] manage = {200, 200, 403, 403, 403, 403, 401};
        int[] create = {201, 201, 403, 403, 403, 403, 401};
        Map<String, int[]> m = new LinkedHashMap<>();
        m.put("GET /pnrr-components", new int[] {200, 200, 200, 200, 200, 200, 200});
        m.put("POST /funding-opportunities", create);
        m.put("GET /funding-opportunities", new int[] {200, 200, 200, 200, 200, 200, 200});
        m.put("GET /funding-opportunities/{oid}", new int[] {200, 200, 200, 200, 200, 200, 200});
        m.put("POST /studies", create);
        m.put("GET /studies", new int[] {200, 200, 200, 200, 200, 200, 401});
        m.put("GET /studies/{id}", readStudy);
        m.put("PATCH /studies/{id}", manage);
        m.put("POST /studies/{id}/start", manage);
        m.put("POST /studies/{running}/complete", manage);
        m.put("POST /studies/{id}/abandon", manage);
        m.put("POST /studies/{id}/milestones", create);
        m.put("POST /studies/{id}/milestones/{mid}/reached", manage);
        m.put("POST /studies/{id}/documents", create);
        m.put("POST /studies/{id}/indicators", create);
        m.put("GET /studies/{id}/funding-sources", readStudy);
        m.put("POST /studies/{id}/funding-sources", create);
        m.put("PATCH /funding-sources/{fid}", manage);
        m.put("GET /studies/{id}/matching-opportunities", readStudy);
        m.put("GET /studies/{id}/opportunities", readStudy);
        m.put("POST /studies/{id}/opportunities", create);
        m.put("GET /summaries/municipalities/" + SIENA, new int[] {200, 200, 200, 200, 403, 200, 401});
        m.put("GET /summaries/programme", new int[] {200, 200, 200, 200, 200, 200, 401});
        return m;
    }

    @Override
    protected int call(String endpoint) {
        UUID study = study(StudyStatus.REQUESTED);
        String base = "/v1/feasibility";
        String s = base + "/studies/" + study;
        RequestSpecification json = given().contentType(ContentType.JSON);
        return switch (endpoint) {
            case "GET /pnrr-components" ->
                given().get(base + "/pnrr-components").statusCode();
            case "POST /funding-opportunities" ->
                json.body("""
                    {"title":"Bando della matrice","funder":"Ente (fittizio)","kind":"NATIONAL","themes":["GOVERNANCE"],
                     "eligibleMunicipalities":[],"opensOn":"2022-01-01","deadline":"2022-12-31"}""").post(base + "/funding-opportunities").statusCode();
            case "GET /funding-opportunities" ->
                given().get(base + "/funding-opportunities").statusCode();
            case "GET /funding-opportunities/{oid}" ->
                given().get(base + "/funding-opportunities/" + opportunity()).statusCode();
            case "POST /studies" ->
                json.body("""
                    {"title":"Studio della matrice","needIds":["%s"],"municipalities":["%s"],"themes":[]}""".formatted(UUID.randomUUID(), SIENA))
                        .post(base + "/studies")
                        .statusCode();
            case "GET /studies" -> given().get(base + "/studies").statusCode();
            case "GET /studies/{id}" -> given().get(s).statusCode();
            case "PATCH /studies/{id}" ->
                json.header("If-Match", "\"0\"")
                        .body("{\"scope\":\"Nuovo ambito\"}")
                        .patch(s)
                        .statusCode();
            case "POST /studies/{id}/start" ->
                json.body("{\"leadOrganisation\":\"Open Impact\"}")
                        .post(s + "/start")
                        .statusCode();
            case "POST /studies/{running}/complete" ->
                json.body("""
                    {"verdict":"FEASIBLE","estimatedCostEur":1000.00,"summary":"Fattibile"}""")
                        .post(base + "/studies/" + study(StudyStatus.IN_PROGRESS) + "/complete")
                        .statusCode();
            case "POST /studies/{id}/abandon" ->
                json.body("{\"reason\":\"Coperto altrove\"}")
                        .post(s + "/abandon")
                        .statusCode();
            case "POST /studies/{id}/milestones" ->
                json.body("{\"title\":\"Analisi\",\"dueOn\":\"2022-11-30\"}")
                        .post(s + "/milestones")
                        .statusCode();
            case "POST /studies/{id}/milestones/{mid}/reached" ->
                json.body("{\"reachedOn\":\"2022-11-25\"}")
                        .post(s + "/milestones/" + milestone(study) + "/reached")
                        .statusCode();
            case "POST /studies/{id}/documents" ->
                json.body("""
                    {"title":"Relazione","url":"https://docs.example.org/relazione.pdf"}""").post(s + "/documents").statusCode();
            case "POST /studies/{id}/indicators" ->
                json.body("""
                    {"name":"Pratiche online","unit":"pratiche/anno","baseline":10,"target":100}""").post(s + "/indicators").statusCode();
            case "GET /studies/{id}/funding-sources" ->
                given().get(s + "/funding-sources").statusCode();
            case "POST /studies/{id}/funding-sources" ->
                json.body("""
                    {"kind":"MUNICIPAL","amountEur":5000.00,"status":"IDENTIFIED"}""").post(s + "/funding-sources").statusCode();
            case "PATCH /funding-sources/{fid}" ->
                json.header("If-Match", "\"0\"")
                        .body("{\"status\":\"APPLIED\"}")
                        .patch(base + "/funding-sources/" + fundingSource(study))
                        .statusCode();
            case "GET /studies/{id}/matching-opportunities" ->
                given().get(s + "/matching-opportunities").statusCode();
            case "GET /studies/{id}/opportunities" ->
                given().get(s + "/opportunities").statusCode();
            case "POST /studies/{id}/opportunities" ->
                json.body("{\"opportunityId\":\"" + opportunity() + "\"}")
                        .post(s + "/opportunities")
                        .statusCode();
            case "GET /summaries/municipalities/" + SIENA ->
                given().get(base + "/summaries/municipalities/" + SIENA).statusCode();
            case "GET /summaries/programme" ->
                given().get(base + "/summaries/programme").statusCode();
            default -> throw new IllegalArgumentException(endpoint);
        };
    }

    private static UUID study(StudyStatus status) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Study s = new Study();
            s.id = UUID.randomUUID();
            s.title = "Studio della matrice";
            s.needIds = List.of(UUID.randomUUID());
            s.municipalities = List.of(SIENA);
            s.themes = List.of();
            s.status = status;
            s.createdAt = AuditedEntity.now();
            s.updatedAt = s.createdAt;
            if (status == StudyStatus.IN_PROGRESS) {
                s.leadOrganisation = "Open Impact";
                s.startedAt = s.createdAt;
            }
            s.persist();
            return s.id;
        });
    }

    private static UUID milestone(UUID study) {
        return QuarkusTransaction.requiringNew().call(() -> {
            StudyChild.Milestone m = new StudyChild.Milestone();
            m.id = UUID.randomUUID();
            m.studyId = study;
            m.title = "Analisi dei costi";
            m.dueOn = LocalDate.of(2022, 11, 30);
            m.createdAt = AuditedEntity.now();
            m.persist();
            return m.id;
        });
    }

    private static UUID fundingSource(UUID study) {
        return QuarkusTransaction.requiringNew().call(() -> {
            FundingSource f = new FundingSource();
            f.id = UUID.randomUUID();
            f.studyId = study;
            f.kind = FundingKind.MUNICIPAL;
            f.amountEur = new BigDecimal("5000.00");
            f.status = FundingStatus.IDENTIFIED;
            f.createdAt = AuditedEntity.now();
            f.updatedAt = f.createdAt;
            f.persist();
            return f.id;
        });
    }

    private static UUID opportunity() {
        return QuarkusTransaction.requiringNew().call(() -> {
            FundingOpportunity o = new FundingOpportunity();
            o.id = UUID.randomUUID();
            o.title = "Bando della matrice";
            o.funder = "Ente (fittizio)";
            o.kind = FundingKind.NATIONAL;
            o.themes = List.of();
            o.eligibleMunicipalities = List.of();
            o.opensOn = LocalDate.of(2022, 1, 1);
            o.deadline = LocalDate.of(2022, 12, 31); // closed long ago: other tests rank the open ones
            o.createdAt = AuditedEntity.now();
            o.updatedAt = o.createdAt;
            o.persist();
            return o.id;
        });
    }

    @Test
    @TestSecurity(user = "admin", roles = "programme-admin")
    void programmeAdmin() {
        assertColumn(ADMIN);
    }

    @Test
    @TestSecurity(user = "openimpact", roles = "feasibility-partner")
    void feasibilityPartner() {
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
    void officerOfTheStudysMunicipality() {
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
