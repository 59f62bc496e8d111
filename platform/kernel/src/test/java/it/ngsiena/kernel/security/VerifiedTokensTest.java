package it.ngsiena.kernel.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import it.ngsiena.testkit.ManualClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class VerifiedTokensTest {

    final ManualClock clock = new ManualClock(Instant.parse("2026-12-01T08:00:00Z"));
    final SecurityIdentity ada = QuarkusSecurityIdentity.builder()
            .setPrincipal(new QuarkusPrincipal("ada"))
            .build();

    @Test
    void aTokenIsRememberedUntilItExpires() {
        VerifiedTokens tokens = new VerifiedTokens(100, Duration.ofMinutes(5), clock);
        tokens.remember("t1", clock.now().plusSeconds(60), ada);

        clock.advance(Duration.ofSeconds(59));
        assertThat(tokens.find("t1")).containsSame(ada);
        clock.advance(Duration.ofSeconds(1));
        assertThat(tokens.find("t1"))
                .as("at its exp the token is checked again")
                .isEmpty();
        assertThat(tokens.hits()).isEqualTo(1);
        assertThat(tokens.misses()).isEqualTo(1);
    }

    @Test
    void aLongLivedTokenIsRememberedForTheMaximumAgeOnly() {
        VerifiedTokens tokens = new VerifiedTokens(100, Duration.ofMinutes(5), clock);
        tokens.remember("t1", clock.now().plus(Duration.ofHours(10)), ada);
        clock.advance(Duration.ofMinutes(5).minusMillis(1));
        assertThat(tokens.find("t1")).isPresent();
        clock.advance(Duration.ofMillis(1));
        assertThat(tokens.find("t1")).isEmpty();
    }

    @Test
    void anExpiredTokenIsNeverRememberedAndAnotherStringIsAnotherToken() {
        VerifiedTokens tokens = new VerifiedTokens(100, Duration.ofMinutes(5), clock);
        tokens.remember("old", clock.now(), ada);
        assertThat(tokens.find("old")).isEmpty();
        tokens.remember("t1", clock.now().plusSeconds(60), ada);
        assertThat(tokens.find("t1 ")).isEmpty();
        assertThat(tokens.find("T1")).isEmpty();
    }

    @Test
    void theNumberOfTokensRememberedIsBounded() {
        VerifiedTokens tokens = new VerifiedTokens(50, Duration.ofMinutes(5), clock);
        for (int i = 0; i < 1_000; i++) {
            tokens.remember("token-" + i, clock.now().plusSeconds(60), ada);
        }
        assertThat(tokens.size()).isLessThanOrEqualTo(50);
    }
}
