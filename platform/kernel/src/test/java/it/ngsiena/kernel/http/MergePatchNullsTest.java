package it.ngsiena.kernel.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import it.ngsiena.kernel.problem.Problem;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MergePatchNullsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static List<String> nulls(String json) throws Exception {
        List<Problem.Violation> violations = new ArrayList<>();
        MergePatchNulls.nullMembers(JSON.readTree(json), "", violations);
        return violations.stream().map(Problem.Violation::field).toList();
    }

    @Test
    void membersSentAsNullAreNamedAtAnyDepthButNullsInsideArraysAreValues() throws Exception {
        assertThat(nulls("{\"title\":\"Nuovo\",\"cup\":null,\"lead\":{\"role\":null,\"name\":\"x\"},\"tags\":[null]}"))
                .containsExactly("cup", "lead.role");
        assertThat(nulls("{\"title\":\"Nuovo\"}")).isEmpty();
        assertThat(nulls("null")).isEmpty();
    }
}
