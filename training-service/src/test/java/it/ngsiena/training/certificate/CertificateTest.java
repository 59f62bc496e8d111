package it.ngsiena.training.certificate;

import static io.restassured.RestAssured.given;
import static it.ngsiena.training.attendance.AttendanceTest.heldSession;
import static it.ngsiena.training.attendance.AttendanceTest.line;
import static it.ngsiena.training.attendance.AttendanceTest.push;
import static it.ngsiena.training.attendance.AttendanceTest.twoHourCourse;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.SecurityAttribute;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import it.ngsiena.contracts.training.CertificateIssued;
import it.ngsiena.contracts.training.CertificateRevoked;
import it.ngsiena.testkit.CertificatePdf;
import it.ngsiena.testkit.MailServerResource;
import it.ngsiena.testkit.OutboxProbe;
import it.ngsiena.testkit.PlatformTestResource;
import it.ngsiena.training.attendance.Certificate;
import it.ngsiena.training.participant.Participant;
import it.ngsiena.training.participant.ParticipantRole;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A certificate as people use it: a PDF with a QR code that verifies it, revocation, correction, reissue. */
@QuarkusTest
@WithTestResource(PlatformTestResource.class)
@WithTestResource(MailServerResource.class)
class CertificateTest {

    static final String SIENA = "052032";

    /** A participant of Siena named as given, stored as the LMS would have registered them. */
    static UUID person(String givenName, String familyName) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Participant p = new Participant();
            p.id = UUID.randomUUID();
            p.givenName = givenName;
            p.familyName = familyName;
            p.email = p.id + "@comune.example.it";
            p.municipality = SIENA;
            p.role = ParticipantRole.EMPLOYEE;
            p.office = "Ufficio tecnico";
            p.mailToken = it.ngsiena.kernel.security.LinkTokens.random();
            p.createdAt = OffsetDateTime.now();
            p.updatedAt = p.createdAt;
            p.persist();
            return p.id;
        });
    }

    static List<Certificate> certificatesOf(UUID participant) {
        return QuarkusTransaction.requiringNew()
                .call(() -> Certificate.<Certificate>list("participantId = ?1 order by issuedAt, code", participant));
    }

    /** A certificate of a two-hour course (its session recorded as held now), and its holder. */
    record Issued(String session, UUID holder, String code) {}

    static Issued issued(String givenName, String familyName) {
        String course = twoHourCourse();
        UUID holder = person(givenName, familyName);
        String session = heldSession(course, "2022-04-07", holder);
        assertThat(push(session, line(holder, "2"), 200).getList("certificatesIssued"))
                .hasSize(1);
        return new Issued(session, holder, certificatesOf(holder).get(0).code);
    }

    @Test
    @TestSecurity(user = "euronike", roles = "training-partner")
    void thePdfCarriesTheHolderTheCourseAndAQrCodeThatVerifiesIt() throws Exception {
        Issued c = issued("Niccolò", "Ćosić");
        byte[] pdf = given().when()
                .get("/v1/training/certificates/" + c.code() + "/document")
                .then()
                .statusCode(200)
                .contentType("application/pdf")
                .header("Content-Disposition", "attachment; filename=\"attestato-" + c.code() + ".pdf\"")
                .extract()
                .asByteArray();

        CertificatePdf read = CertificatePdf.read(pdf);
        assertThat(read.pages()).isEqualTo(1);
        // the accented letter Helvetica has is kept; the one it lacks loses only its accent
        assertThat(read.text())
                .contains("Niccolò Cosic")
                .contains("Attestato di partecipazione")
                .contains("per 2 ore / for 2 hours")
                .contains(java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy")
                        .format(certificatesOf(c.holder())
                                .get(0)
                                .issuedAt
                                .atZoneSameInstant(java.time.ZoneId.of("Europe/Rome"))))
                .contains("Euronike")
                .contains(c.code());
        String url = "http://127.0.0.1:8080/v1/training/certificates/" + c.code();
        assertThat(read.qrCode()).isEqualTo(url);
        assertThat(read.text()).contains(url);

        // the URL the QR code holds answers "valid", on the path the gateway routes to this service
        given().when()
                .get(read.qrCode().replace("http://127.0.0.1:8080", ""))
                .then()
                .statusCode(200)
                .body("status", equalTo("VALID"))
                .body("statusLabelIt", equalTo("Valido"));
    }

    @Test
    @TestSecurity(user = "euronike", roles = "training-partner")
    void aRevokedCertificateVerifiesAsRevokedWithItsDateAndReasonAndIsNoLongerPrinted() {
        Issued c = issued("Giulia", "Rossi");
        String path = "/v1/training/certificates/" + c.code();
        given().contentType(ContentType.JSON)
                .body("{}")
                .when()
                .post(path + "/revoke")
                .then()
                .statusCode(400)
                .body("violations[0].field", equalTo("reason"));
        given().contentType(ContentType.JSON)
                .body("{\"reason\":\"Rilasciato per errore\",\"occurredAt\":\"2022-03-30T10:00:00+02:00\"}")
                .when()
                .post(path + "/revoke")
                .then()
                .statusCode(422)
                .body("violations[0].field", equalTo("occurredAt")); // before it was issued
        given().contentType(ContentType.JSON)
                .body("{\"reason\":\"Rilasciato per errore a un omonimo\"}")
                .when()
                .post(path + "/revoke")
                .then()
                .statusCode(200)
                .body("status", equalTo("REVOKED"));
        given().contentType(ContentType.JSON)
                .body("{\"reason\":\"Di nuovo\"}")
                .when()
                .post(path + "/revoke")
                .then()
                .statusCode(409)
                .body("currentStatus", equalTo("REVOKED"));

        given().when()
                .get(path)
                .then()
                .statusCode(200)
                .body("status", equalTo("REVOKED"))
                .body("statusLabelEn", equalTo("Revoked"))
                .body("revokedAt", org.hamcrest.Matchers.notNullValue())
                .body("revocationReason", equalTo("Rilasciato per errore a un omonimo"));
        given().when().get(path + "/document").then().statusCode(409).body("currentStatus", equalTo("REVOKED"));

        UUID id = certificatesOf(c.holder()).get(0).id;
        // the holder is told, in Italian and English, with the reason
        String mail = QuarkusTransaction.requiringNew().call(() -> (String) Certificate.getEntityManager()
                .createNativeQuery("select text_body from mail_queue where key = ?1")
                .setParameter(1, "training:revoked:" + id)
                .getSingleResult());
        assertThat(mail)
                .contains("è stato revocato")
                .contains("has been revoked")
                .contains("Rilasciato per errore a un omonimo")
                .contains(c.code());
        assertThat(OutboxProbe.events(id, CertificateRevoked.TYPE))
                .singleElement()
                .satisfies(e -> {
                    assertThat(e.data().get("reason").asText()).isEqualTo("Rilasciato per errore a un omonimo");
                    assertThat(e.data().get("municipality").asText()).isEqualTo(SIENA);
                    assertThat(e.time())
                            .isAtSameInstantAs(certificatesOf(c.holder()).get(0).revokedAt);
                });
    }

    @Test
    @TestSecurity(user = "euronike", roles = "training-partner")
    void attendanceCorrectedBelowTheThresholdRevokesAndCorrectedBackReissues() {
        Issued c = issued("Marco", "Bianchi");

        // 1 hour of 2: below the 75% threshold (1.5 hours)
        push(c.session(), line(c.holder(), "1"), 200);
        List<Certificate> afterCut = certificatesOf(c.holder());
        assertThat(afterCut).singleElement().satisfies(cert -> {
            assertThat(cert.valid()).isFalse();
            assertThat(cert.revocationReason).contains("sotto la soglia").contains("below the course's threshold");
        });
        given().when()
                .get("/v1/training/certificates/" + c.code())
                .then()
                .statusCode(200)
                .body("status", equalTo("REVOKED"));

        // corrected back to 2 hours: a new certificate, with a new code; the old one stays revoked
        assertThat(push(c.session(), line(c.holder(), "2"), 200).getList("certificatesIssued"))
                .hasSize(1);
        List<Certificate> afterFix = certificatesOf(c.holder());
        assertThat(afterFix).hasSize(2);
        assertThat(afterFix).filteredOn(Certificate::valid).singleElement().satisfies(cert -> {
            assertThat(cert.code).isNotEqualTo(c.code());
            assertThat(OutboxProbe.events(cert.id, CertificateIssued.TYPE)).hasSize(1);
            assertThat(cert.createdBy).as("issued by the LMS's correction").isEqualTo("euronike");
        });
        // the revoked one keeps who revoked it (the correction's caller)
        assertThat(afterFix)
                .filteredOn(cert -> !cert.valid())
                .singleElement()
                .satisfies(cert -> assertThat(cert.updatedBy).isEqualTo("euronike"));
        given().when().get("/v1/training/certificates/" + c.code()).then().body("status", equalTo("REVOKED"));
    }

    /** A certificate of a Siena participant, written straight to the database. */
    static String storedCertificate() {
        UUID holder = person("Anna", "Verdi");
        return QuarkusTransaction.requiringNew().call(() -> {
            it.ngsiena.training.course.Course course = new it.ngsiena.training.course.Course();
            course.id = UUID.randomUUID();
            course.title = "Appalti pubblici";
            course.topic = it.ngsiena.training.course.Topic.values()[0];
            course.description = "Corso di prova";
            course.plannedHours = java.math.BigDecimal.TEN;
            course.certificateThresholdPercent = 75;
            course.createdAt = OffsetDateTime.now();
            course.updatedAt = course.createdAt;
            course.persist();
            Certificate c = new Certificate();
            c.id = UUID.randomUUID();
            c.code = "NGS-T" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
            c.courseId = course.id;
            c.participantId = holder;
            c.municipality = SIENA;
            c.attendedHours = java.math.BigDecimal.TEN;
            c.issuedAt = OffsetDateTime.now();
            c.persist();
            return c.code;
        });
    }

    @Test
    @TestSecurity(
            user = "officer-siena",
            roles = "municipality-officer",
            attributes = @SecurityAttribute(key = "municipality", value = SIENA))
    void anOfficerOfTheHoldersMunicipalityDownloadsItButDoesNotRevokeIt() throws Exception {
        String code = storedCertificate();
        byte[] pdf = given().when()
                .get("/v1/training/certificates/" + code + "/document")
                .then()
                .statusCode(200)
                .extract()
                .asByteArray();
        assertThat(CertificatePdf.read(pdf).text()).contains("Anna Verdi").contains("Appalti pubblici");
        given().contentType(ContentType.JSON)
                .body("{\"reason\":\"x\"}")
                .when()
                .post("/v1/training/certificates/" + code + "/revoke")
                .then()
                .statusCode(403);
    }

    @Test
    @TestSecurity(
            user = "officer-chiusi",
            roles = "municipality-officer",
            attributes = @SecurityAttribute(key = "municipality", value = "052011"))
    void anOfficerOfAnotherMunicipalityCannotDownloadIt() {
        String code = storedCertificate();
        given().when()
                .get("/v1/training/certificates/" + code + "/document")
                .then()
                .statusCode(404);
        // the public verification still answers
        given().when().get("/v1/training/certificates/" + code).then().statusCode(200);
    }
}
