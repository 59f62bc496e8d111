package it.ngsiena.kernel.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import it.ngsiena.kernel.problem.ProblemException;
import org.junit.jupiter.api.Test;

class ETagsTest {

    private static int statusOf(Runnable check) {
        try {
            check.run();
            return 200;
        } catch (ProblemException e) {
            return e.problem().status();
        }
    }

    @Test
    void anEditNeedsTheCurrentVersionsTag() {
        assertThatCode(() -> ETags.requireMatch("\"3\"", 3)).doesNotThrowAnyException();
        assertThatCode(() -> ETags.requireMatch("W/\"3\"", 3)).doesNotThrowAnyException();
        assertThatCode(() -> ETags.requireMatch("\"1\", \"3\"", 3)).doesNotThrowAnyException();
        assertThatCode(() -> ETags.requireMatch("*", 3)).doesNotThrowAnyException();
        assertThat(statusOf(() -> ETags.requireMatch("\"2\"", 3))).isEqualTo(412);
        assertThat(statusOf(() -> ETags.requireMatch(null, 3))).isEqualTo(428);
        assertThat(statusOf(() -> ETags.requireMatch(" ", 3))).isEqualTo(428);
    }

    @Test
    void theTagIsTheVersion() {
        assertThat(ETags.of(7).getValue()).isEqualTo("7");
        assertThatThrownBy(() -> ETags.requireMatch("\"7\"", 8)).hasMessageContaining("current ETag \"8\"");
    }
}
