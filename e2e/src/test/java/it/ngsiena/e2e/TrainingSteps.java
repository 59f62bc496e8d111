package it.ngsiena.e2e;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import java.util.UUID;

/** The training workstream's steps as the partner's LMS takes them through the gateway, for the end-to-end tests. */
record TrainingSteps(String gateway, String token) {

    static final String MONTEPULCIANO = "052015";

    /** A participant of Montepulciano with a new address of their own; answers the id. */
    String participant() {
        return participant(UUID.randomUUID() + "@comune.montepulciano.example.it");
    }

    String participant(String email) {
        return given().header("Authorization", token)
                .contentType(ContentType.JSON)
                .body("{\"givenName\":\"Elena\",\"familyName\":\"Conti\",\"email\":\"" + email
                        + "\",\"municipality\":\"" + MONTEPULCIANO + "\",\"role\":\"EMPLOYEE\"}")
                .when()
                .post(gateway + "/v1/training/participants")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    /** An online seminar of one hour from {@code startsAt} (UTC, RFC 3339), in a new course; answers its id. */
    String session(String courseTitle, String startsAt, int capacity) {
        String courseId = given().header("Authorization", token)
                .contentType(ContentType.JSON)
                .body("{\"title\":\"" + courseTitle
                        + "\",\"topic\":\"PNRR\",\"description\":\"Prova\",\"plannedHours\":1}")
                .when()
                .post(gateway + "/v1/training/courses")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        String endsAt = java.time.format.DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(
                java.time.OffsetDateTime.parse(startsAt).plusHours(1));
        return given().header("Authorization", token)
                .contentType(ContentType.JSON)
                .body("{\"title\":\"Seminario\",\"format\":\"ONLINE_SEMINAR\",\"startsAt\":\"" + startsAt
                        + "\",\"endsAt\":\"" + endsAt + "\",\"meetingLink\":\"https://meet.example.org/e\","
                        + "\"capacity\":" + capacity + "}")
                .when()
                .post(gateway + "/v1/training/courses/" + courseId + "/sessions")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    /** Enrols the person; answers the enrolment's id. */
    String enrol(String session, String person) {
        return given().header("Authorization", token)
                .contentType(ContentType.JSON)
                .body("{\"participantId\":\"" + person + "\"}")
                .when()
                .post(gateway + "/v1/training/sessions/" + session + "/enrolments")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }
}
