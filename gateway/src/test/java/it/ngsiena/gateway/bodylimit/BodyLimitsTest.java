package it.ngsiena.gateway.bodylimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class BodyLimitsTest {

    @Test
    void theLongestMatchingPatternDecidesElseTheDefault() {
        BodyLimits limits =
                new BodyLimits(1024, List.of("/v1/feasibility/studies/*/attachments=25M", "/v1/feasibility=2K", " "));
        assertThat(limits.limitFor("/v1/feasibility/studies/42/attachments")).isEqualTo(25L * 1024 * 1024);
        assertThat(limits.limitFor("/v1/feasibility/studies/42/attachments/9")).isEqualTo(25L * 1024 * 1024);
        assertThat(limits.limitFor("/v1/feasibility/studies/42")).isEqualTo(2048);
        assertThat(limits.limitFor("/v1/feasibility")).isEqualTo(2048);
        assertThat(limits.limitFor("/v1/training/courses")).isEqualTo(1024);
        assertThat(limits.limitFor("/v1/feasibilityx")).isEqualTo(1024);
    }

    @Test
    void anEntryThatIsNotPatternEqualsSizeStopsTheStart() {
        assertThatThrownBy(() -> new BodyLimits(1024, List.of("25M"))).hasMessageContaining("<path pattern>=<size>");
    }
}
