package it.ngsiena.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The counters: a window per key from its first request, and one set of counters per gateway replica. */
class RateLimiterTest {

    @Test
    void aKeyGetsItsLimitPerWindowThenANewWindow() {
        RateLimiter limiter = new RateLimiter(60_000, 1000);
        for (int i = 1; i <= 3; i++) {
            RateLimiter.Decision d = limiter.take("a", 3, 1_000 + i);
            assertThat(d.allowed()).isTrue();
            assertThat(d.remaining()).isEqualTo(3 - i);
        }
        RateLimiter.Decision refused = limiter.take("a", 3, 30_000);
        assertThat(refused.allowed()).isFalse();
        assertThat(refused.remaining()).isZero();
        assertThat(refused.resetSeconds()).isEqualTo(32);
        assertThat(limiter.take("b", 3, 30_000).allowed())
                .as("another key has its own window")
                .isTrue();
        assertThat(limiter.exhausted("a", 3, 30_001)).isTrue();
        assertThat(limiter.take("a", 3, 61_001).allowed())
                .as("the window of a ended")
                .isTrue();
        limiter.forgetEnded(200_000);
        assertThat(limiter.keys()).isZero();
    }

    /**
     * The documented choice for several gateway replicas: the counts are per replica, so a client spread
     * over two replicas by the load balancer gets twice the limit (configure the limit divided by the replicas).
     */
    @Test
    void eachReplicaCountsOnItsOwn() {
        RateLimiter first = new RateLimiter(60_000, 1000);
        RateLimiter second = new RateLimiter(60_000, 1000);
        for (int i = 0; i < 5; i++) {
            assertThat(first.take("client", 5, 1_000).allowed()).isTrue();
        }
        assertThat(first.take("client", 5, 1_000).allowed()).isFalse();
        assertThat(second.take("client", 5, 1_000).allowed()).isTrue();
    }

    /** A flood of new keys does not grow the counters past their bound, nor move the clients already counted. */
    @Test
    void theCountersStayBoundedUnderAFloodOfNewKeys() {
        RateLimiter limiter = new RateLimiter(60_000, 100);
        for (int i = 0; i < 3; i++) {
            limiter.take("known", 5, 1_000);
        }
        for (int i = 0; i < 100_000; i++) {
            limiter.take("flood-" + i, 5, 2_000);
        }
        assertThat(limiter.keys()).isLessThanOrEqualTo(100 + RateLimiter.OVERFLOW_BUCKETS);
        RateLimiter.Decision known = limiter.take("known", 5, 3_000);
        assertThat(known.remaining()).as("the known client's own counter").isEqualTo(1);
        // once the flood's windows end, new keys get counters of their own again
        RateLimiter.Decision later = limiter.take("newcomer", 5, 70_000);
        assertThat(later.remaining()).isEqualTo(4);
        assertThat(limiter.keys()).isEqualTo(1);
    }

    @Test
    void theSubjectOfATokenIsReadWithoutTrustingIt() {
        String payload = java.util.Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString("{\"sub\":\"user-1\",\"azp\":\"ngs-cli\"}".getBytes());
        assertThat(RateLimitFilter.subject("eyJhbGciOiJSUzI1NiJ9." + payload + ".sig"))
                .contains("user-1");
        assertThat(RateLimitFilter.subject("not-a-token")).isEmpty();
        assertThat(RateLimitFilter.subject("a.%%%.c")).isEmpty();
    }
}
