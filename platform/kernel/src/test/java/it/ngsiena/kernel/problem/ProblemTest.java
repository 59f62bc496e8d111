package it.ngsiena.kernel.problem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** A problem's extensions add members; they can never send one of RFC 9457's members a second time. */
class ProblemTest {

    @Test
    void anExtensionNamedLikeACoreMemberIsRefused() {
        assertThatThrownBy(() -> ProblemException.conflict("x", Map.of("status", "SUSPENDED")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("status");
        assertThat(ProblemException.conflict("x", Map.of("subscriptionStatus", "SUSPENDED"))
                        .problem()
                        .extensionMembers())
                .containsEntry("subscriptionStatus", "SUSPENDED");
    }
}
