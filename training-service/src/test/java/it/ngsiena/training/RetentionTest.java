package it.ngsiena.training;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import it.ngsiena.kernel.retention.RetentionPurge;
import it.ngsiena.testkit.MailServerResource;
import it.ngsiena.testkit.PlatformTestResource;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The kernel's retention, in a service: idempotency keys expire, old bookkeeping is purged, erasure forgets replays. */
@QuarkusTest
@WithTestResource(PlatformTestResource.class)
@WithTestResource(MailServerResource.class)
class RetentionTest {

    @Inject
    EntityManager em;

    @Inject
    RetentionPurge purge;

    private static String person(String email) {
        return """
                {"givenName":"Lucia","familyName":"Neri","email":"%s","municipality":"052032","role":"EMPLOYEE"}""".formatted(email);
    }

    private long count(String sql, Object... params) {
        return QuarkusTransaction.requiringNew().call(() -> {
            var query = em.createNativeQuery(sql);
            for (int i = 0; i < params.length; i++) {
                query.setParameter(i + 1, params[i]);
            }
            return ((Number) query.getSingleResult()).longValue();
        });
    }

    private void run(String sql, Object... params) {
        QuarkusTransaction.requiringNew().run(() -> {
            var query = em.createNativeQuery(sql);
            for (int i = 0; i < params.length; i++) {
                query.setParameter(i + 1, params[i]);
            }
            query.executeUpdate();
        });
    }

    @Test
    @TestSecurity(user = "euronike", roles = "training-partner")
    void anIdempotencyKeyIsHonouredForADayThenStartsAfresh() {
        String key = "ret-" + UUID.randomUUID();
        String body = person(UUID.randomUUID() + "@comune.example.it");
        String first = given().contentType(ContentType.JSON)
                .header("Idempotency-Key", key)
                .body(body)
                .when()
                .post("/v1/training/participants")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        given().contentType(ContentType.JSON)
                .header("Idempotency-Key", key)
                .body(body)
                .when()
                .post("/v1/training/participants")
                .then()
                .statusCode(201)
                .header("Idempotent-Replayed", "true");
        run("update idempotency_key set created_at = now() - interval '25 hours' where key = ?1", key);
        // a day later the key is new again: the same request is a new create (here: the e-mail is taken, 409)
        given().contentType(ContentType.JSON)
                .header("Idempotency-Key", key)
                .body(body)
                .when()
                .post("/v1/training/participants")
                .then()
                .statusCode(409)
                .header("Idempotent-Replayed", nullValue());
        assertThat(first).isNotBlank();
    }

    @Test
    @TestSecurity(user = "euronike", roles = "training-partner")
    void erasingAParticipantForgetsTheStoredResponseOfTheirRegistration() {
        String key = "erase-" + UUID.randomUUID();
        String id = given().contentType(ContentType.JSON)
                .header("Idempotency-Key", key)
                .body(person(UUID.randomUUID() + "@comune.example.it"))
                .when()
                .post("/v1/training/participants")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        assertThat(count("select count(*) from idempotency_key where key = ?1 and body like '%Neri%'", key))
                .isEqualTo(1);
        given().when().delete("/v1/training/participants/" + id).then().statusCode(204);
        assertThat(count("select count(*) from idempotency_key where key = ?1", key))
                .isZero();
    }

    @Test
    void thePurgeDeletesWhatOutlivedItsRetentionAndKeepsTheRest() {
        String oldKey = "old-" + UUID.randomUUID();
        String newKey = "new-" + UUID.randomUUID();
        for (String key : new String[] {oldKey, newKey}) {
            run(
                    "insert into idempotency_key (scope, key, request_hash, status, body, created_at)"
                            + " values ('test', ?1, 'h', 201, '{}', now() - cast(?2 as interval))",
                    key,
                    key.equals(oldKey) ? "2 days" : "1 hour");
        }
        UUID oldEvent = UUID.randomUUID();
        UUID unsent = UUID.randomUUID();
        run(
                "insert into outbox_event (event_id, topic, event_type, source, subject, occurred_at, data, sent_at)"
                        + " values (?1, 'ngs.test.v1', 't', '/test', 's', now(), '{}', now() - interval '8 days')",
                oldEvent);
        run(
                "insert into outbox_event (event_id, topic, event_type, source, subject, occurred_at, data, sent_at)"
                        + " values (?1, 'ngs.test.v1', 't', '/test', 's', now() - interval '9 days', '{}', null)",
                unsent);
        String oldInbox = "old-" + UUID.randomUUID();
        run(
                "insert into inbox_event (consumer, event_id, topic, event_type, handled_at)"
                        + " values ('test', ?1, 't', 't', now() - interval '31 days')",
                oldInbox);
        // (the relay may publish the unsent row meanwhile: then it is sent now, and not purged either)
        RetentionPurge.Purged purged = purge.purge();
        assertThat(purged.idempotencyKeys()).isGreaterThanOrEqualTo(1);
        assertThat(count("select count(*) from idempotency_key where key = ?1", oldKey))
                .isZero();
        assertThat(count("select count(*) from idempotency_key where key = ?1", newKey))
                .isEqualTo(1);
        assertThat(count("select count(*) from outbox_event where event_id = ?1", oldEvent))
                .isZero();
        assertThat(count("select count(*) from outbox_event where event_id = ?1", unsent))
                .as("an event not yet published is never purged")
                .isEqualTo(1);
        assertThat(count("select count(*) from inbox_event where event_id = ?1", oldInbox))
                .isZero();
        run("delete from outbox_event where event_id = ?1", unsent);
    }
}
