package it.ngsiena.gateway.ratelimit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.restassured.response.ValidatableResponse;
import it.ngsiena.gateway.FakeServicesResource;
import it.ngsiena.gateway.client.ForwardingProxy;
import it.ngsiena.testkit.PlatformTestResource;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * ModI rate limits at the gateway, with small limits: the headers on every answer, then 429; and who the
 * client is behind a reverse proxy ({@link ForwardingProxy}, trusted) and in front of none.
 */
@QuarkusTest
@WithTestResource(PlatformTestResource.class)
@WithTestResource(FakeServicesResource.class)
@TestProfile(RateLimitTest.SmallLimits.class)
class RateLimitTest {

    public static class SmallLimits implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "ngs.gateway.rate-limit.anonymous-reads",
                    "5",
                    "ngs.gateway.rate-limit.writes",
                    "2",
                    "ngs.gateway.rate-limit.failed-authentications",
                    "3",
                    "ngs.gateway.rate-limit.newsletter-sign-ups",
                    "4",
                    // the ForwardingProxy connects from here; every other address is a client's
                    "ngs.gateway.trusted-proxies",
                    "127.0.0.1");
        }
    }

    @Test
    void anonymousCallersGetTheHeadersOnEveryAnswerThen429WithRetryAfter() {
        for (int i = 1; i <= 5; i++) {
            // an overview, an unknown path, a routed call: every answer says where the caller stands
            String path = i == 2
                    ? "/v1/no-such-thing"
                    : i == 3 ? "/v1/training/courses" : "/v1/municipalities/052032/overview";
            given().when()
                    .get(path)
                    .then()
                    .header("X-RateLimit-Limit", "5")
                    .header("X-RateLimit-Remaining", Integer.toString(5 - i))
                    .header("X-RateLimit-Reset", org.hamcrest.Matchers.matchesPattern("[1-9][0-9]?"));
        }
        ValidatableResponse refused = given().when()
                .get("/v1/municipalities/052032/overview")
                .then()
                .statusCode(429)
                .contentType("application/problem+json")
                .header("Retry-After", org.hamcrest.Matchers.matchesPattern("[1-9][0-9]?"))
                .header("X-RateLimit-Remaining", "0")
                .body("status", equalTo(429))
                .body("type", equalTo("urn:ngsiena:problem:rate-limited"))
                .body("detail", notNullValue());
        // Health checks are the operators' and the probes': never limited.
        given().when().get("/q/health/live").then().statusCode(200);
        refused.header("X-RateLimit-Limit", "5");
    }

    @Test
    void writesHaveTheirOwnLimitPerTokenSubject() {
        String alice = token("alice");
        given().header("Authorization", alice)
                .body("{}")
                .contentType("application/json")
                .when()
                .post("/v1/training/courses")
                .then()
                .statusCode(201)
                .header("X-RateLimit-Limit", "2");
        given().header("Authorization", alice)
                .body("{}")
                .contentType("application/json")
                .when()
                .post("/v1/training/courses")
                .then()
                .statusCode(201)
                .header("X-RateLimit-Remaining", "0");
        given().header("Authorization", alice)
                .body("{}")
                .contentType("application/json")
                .when()
                .post("/v1/training/courses")
                .then()
                .statusCode(429)
                .header("Retry-After", notNullValue());
        given().header("Authorization", token("bob"))
                .body("{}")
                .contentType("application/json")
                .when()
                .post("/v1/training/courses")
                .then()
                .statusCode(201);
    }

    @Test
    void anAddressWhoseTokensAreRefusedIsStoppedEvenWithNewTokens() {
        for (int i = 0; i < 3; i++) {
            given().header("Authorization", token("forged-" + i))
                    .when()
                    .get("/v1/training/refuse")
                    .then()
                    .statusCode(401);
        }
        given().header("Authorization", token("forged-new"))
                .when()
                .get("/v1/training/courses")
                .then()
                .statusCode(429)
                .contentType("application/problem+json");
    }

    /** An unsigned token naming a subject: the fake service does not check tokens, the limiter only reads it. */
    private static String token(String subject) {
        java.util.Base64.Encoder b64 = java.util.Base64.getUrlEncoder().withoutPadding();
        return "Bearer " + b64.encodeToString("{\"alg\":\"none\"}".getBytes()) + "."
                + b64.encodeToString(("{\"sub\":\"" + subject + "\"}").getBytes()) + ".x";
    }

    /**
     * Behind the proxy every connection comes from 127.0.0.1: client A's refused tokens (100 of them, each
     * with a made-up X-Forwarded-For, one naming B's address) lock out A's address only. B, at another
     * address with another token, is served throughout; so is a colleague of A's whose token worked before.
     */
    @Test
    void behindATrustedProxyARefusedTokenFloodLocksOutItsSenderOnly() throws Exception {
        try (ForwardingProxy proxy = new ForwardingProxy(RestAssured.port)) {
            String colleague = token("colleague-of-a");
            assertThat(proxy.viaProxy(A, "GET", "/v1/training/courses", auth(colleague))
                            .status())
                    .isEqualTo(200);
            Map<Integer, Integer> statuses = new TreeMap<>();
            for (int i = 0; i < 100; i++) {
                Map<String, String> headers = new HashMap<>(auth(token("junk-" + i)));
                headers.put("X-Forwarded-For", i == 50 ? B : "203.0.113." + (i % 250));
                statuses.merge(
                        proxy.viaProxy(A, "GET", "/v1/training/refuse", headers).status(), 1, Integer::sum);
            }
            assertThat(statuses).containsExactly(Map.entry(401, 3), Map.entry(429, 97));

            ForwardingProxy.Answer b = proxy.viaProxy(B, "GET", "/v1/training/courses", auth(token("b")));
            assertThat(b.status()).isEqualTo(200);
            assertThat(b.headers()).containsEntry("X-RateLimit-Remaining", "999999");
            assertThat(proxy.viaProxy(B, "GET", "/v1/training/courses", Map.of())
                            .status())
                    .isEqualTo(200);
            assertThat(proxy.viaProxy(A, "GET", "/v1/training/courses", auth(colleague))
                            .status())
                    .as("a token that worked before the lockout goes on working at the locked address")
                    .isEqualTo(200);
            assertThat(proxy.viaProxy(A, "GET", "/v1/training/courses", auth(token("a-new")))
                            .status())
                    .as("a new token from the locked address")
                    .isEqualTo(429);
        }
    }

    /** Anonymous readers behind the proxy are counted by the address it forwards, one by one. */
    @Test
    void behindATrustedProxyAnonymousReadersAreCountedByTheirForwardedAddress() throws Exception {
        try (ForwardingProxy proxy = new ForwardingProxy(RestAssured.port)) {
            for (int i = 0; i < 5; i++) {
                assertThat(proxy.viaProxy(C, "GET", "/v1/training/courses", Map.of())
                                .status())
                        .isEqualTo(200);
            }
            ForwardingProxy.Answer refused =
                    proxy.viaProxy(C, "GET", "/v1/training/courses", Map.of("X-Forwarded-For", "198.51.100.20"));
            assertThat(refused.status())
                    .as("a made-up hop before the proxy's own")
                    .isEqualTo(429);
            assertThat(refused.headers()).containsKey("Retry-After");
            assertThat(proxy.viaProxy(D, "GET", "/v1/training/courses", Map.of())
                            .status())
                    .isEqualTo(200);
        }
    }

    /** From a peer that is not a trusted proxy, forwarded headers are ignored: the peer is the client. */
    @Test
    void aForwardedForFromAnUntrustedPeerChangesNothing() throws Exception {
        try (ForwardingProxy direct = new ForwardingProxy(RestAssured.port)) {
            int gateway = RestAssured.port;
            for (int i = 0; i < 3; i++) {
                Map<String, String> headers = new HashMap<>(auth(token("spoofer-" + i)));
                headers.put("X-Forwarded-For", "127.0.0.9");
                headers.put("Forwarded", "for=127.0.0.9");
                assertThat(direct.send(E, gateway, "GET", "/v1/training/refuse", headers)
                                .status())
                        .isEqualTo(401);
            }
            Map<String, String> claimingAnother = new HashMap<>(auth(token("spoofer-new")));
            claimingAnother.put("X-Forwarded-For", "198.51.100.21");
            assertThat(direct.send(E, gateway, "GET", "/v1/training/courses", claimingAnother)
                            .status())
                    .as("the untrusted peer's own address is locked, whatever it claims")
                    .isEqualTo(429);
            assertThat(direct.send("127.0.0.9", gateway, "GET", "/v1/training/courses", auth(token("nine")))
                            .status())
                    .as("the address it named is not")
                    .isEqualTo(200);
        }
    }

    /** The sign-up limit holds for the path however it is spelt: with a trailing slash or a matrix parameter. */
    @Test
    void theSignUpLimitHoldsWhateverTheSpellingOfItsPath() {
        List<String> spellings = List.of(
                "/v1/comms/subscribers",
                "/v1/comms/subscribers/",
                "/v1/comms/subscribers;x",
                "/v1/comms/subscribers;jsessionid=1/",
                "/v1/comms/subscribers");
        for (int i = 0; i < spellings.size(); i++) {
            given().urlEncodingEnabled(false)
                    .header("X-Forwarded-For", "198.51.100.30")
                    .contentType("application/json")
                    .body("{\"email\":\"someone@example.org\"}")
                    .when()
                    .post(spellings.get(i))
                    .then()
                    .header("X-RateLimit-Limit", "4")
                    .header("X-RateLimit-Remaining", Integer.toString(Math.max(0, 3 - i)))
                    .statusCode(i < 4 ? not(429) : equalTo(429));
        }
    }

    private static final String A = "127.0.0.2";
    private static final String B = "127.0.0.3";
    private static final String C = "127.0.0.4";
    private static final String D = "127.0.0.5";
    private static final String E = "127.0.0.6";

    private static Map<String, String> auth(String bearer) {
        return Map.of("Authorization", bearer);
    }
}
