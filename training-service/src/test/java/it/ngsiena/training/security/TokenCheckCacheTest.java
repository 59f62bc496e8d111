package it.ngsiena.training.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import it.ngsiena.kernel.security.CachedTokenIdentityProvider;
import it.ngsiena.testkit.MailServerResource;
import it.ngsiena.testkit.PlatformTestResource;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.jwk.RsaJwkGenerator;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.jose4j.lang.JoseException;
import org.junit.jupiter.api.Test;

/**
 * The kernel's cache of token checks, with Quarkus OIDC verifying real RS256 signatures (a key made
 * here, given to OIDC as its public key) in a running service: once a token is remembered, a tampered
 * copy of it and the token itself after its expiry are still refused.
 */
@QuarkusTest
@WithTestResource(PlatformTestResource.class)
@WithTestResource(MailServerResource.class)
@TestProfile(TokenCheckCacheTest.SignedTokens.class)
class TokenCheckCacheTest {

    static final RsaJsonWebKey KEY = newKey();
    static final String ADMIN_ONLY = "/v1/admin/dead-letters";

    public static class SignedTokens implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "quarkus.oidc.tenant-enabled",
                    "true",
                    // no OIDC server: the public key below is the only way tokens are verified
                    "quarkus.oidc.auth-server-url",
                    "",
                    "quarkus.oidc.public-key",
                    Base64.getEncoder().encodeToString(KEY.getRsaPublicKey().getEncoded()));
        }
    }

    @Inject
    CachedTokenIdentityProvider provider;

    @Test
    void aRememberedTokenIsAcceptedWithoutAnotherCheckButATamperedCopyIsRefused() {
        String token = token("ada", Instant.now().plusSeconds(600), "programme-admin");
        long hits = provider.verified().hits();
        call(token, 200);
        call(token, 200);
        call(token, 200);
        assertThat(provider.verified().hits())
                .as("the 2nd and 3rd calls use the remembered check")
                .isEqualTo(hits + 2);

        // Same header and signature, another payload: the remembered token's roles given to another subject.
        String[] parts = token.split("\\.");
        String otherPayload = Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(claims("mallory", Instant.now().plusSeconds(600), "programme-admin")
                        .toJson()
                        .getBytes(StandardCharsets.UTF_8));
        call(parts[0] + "." + otherPayload + "." + parts[2], 401);
        // The signature altered in its middle (its last character may only carry padding bits).
        char[] signature = parts[2].toCharArray();
        int middle = signature.length / 2;
        signature[middle] = signature[middle] == 'A' ? 'B' : 'A';
        call(parts[0] + "." + parts[1] + "." + new String(signature), 401);
        // A failure is not remembered: the same forgery is checked, and refused, again.
        call(parts[0] + "." + parts[1] + "." + new String(signature), 401);
        call(token, 200);
    }

    @Test
    void aRememberedTokenIsRefusedOnceItHasExpired() throws InterruptedException {
        Instant expiry = Instant.ofEpochSecond(Instant.now().getEpochSecond() + 3);
        String token = token("ada", expiry, "programme-admin");
        call(token, 200);
        long hits = provider.verified().hits();
        call(token, 200);
        assertThat(provider.verified().hits()).isEqualTo(hits + 1);

        Thread.sleep(Math.max(0, Duration.between(Instant.now(), expiry).toMillis()) + 1_500);
        call(token, 401);
        assertThat(provider.verified().hits())
                .as("an expired token is never taken from memory")
                .isEqualTo(hits + 1);
    }

    @Test
    void theRolesOfARememberedTokenStillDecide() {
        String viewer = token("vera", Instant.now().plusSeconds(600), "viewer");
        call(viewer, 403);
        call(viewer, 403);
        given().header("Authorization", "Bearer " + viewer)
                .when()
                .get("/v1/training/courses")
                .then()
                .statusCode(200);
    }

    private static void call(String token, int status) {
        given().header("Authorization", "Bearer " + token)
                .when()
                .get(ADMIN_ONLY)
                .then()
                .statusCode(status);
    }

    private static JwtClaims claims(String subject, Instant expiry, String... roles) {
        JwtClaims claims = new JwtClaims();
        claims.setIssuer("https://keycloak.test/realms/ngs");
        claims.setSubject(subject);
        claims.setAudience("ngs-platform");
        claims.setIssuedAtToNow();
        claims.setExpirationTime(NumericDate.fromSeconds(expiry.getEpochSecond()));
        claims.setClaim("preferred_username", subject);
        claims.setClaim("realm_access", Map.of("roles", List.of(roles)));
        return claims;
    }

    private static String token(String subject, Instant expiry, String... roles) {
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims(subject, expiry, roles).toJson());
        jws.setKey(KEY.getRsaPrivateKey());
        jws.setKeyIdHeaderValue(KEY.getKeyId());
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
        try {
            return jws.getCompactSerialization();
        } catch (JoseException e) {
            throw new IllegalStateException(e);
        }
    }

    private static RsaJsonWebKey newKey() {
        try {
            RsaJsonWebKey key = RsaJwkGenerator.generateJwk(2048);
            key.setKeyId("test-key");
            return key;
        } catch (JoseException e) {
            throw new IllegalStateException(e);
        }
    }
}
