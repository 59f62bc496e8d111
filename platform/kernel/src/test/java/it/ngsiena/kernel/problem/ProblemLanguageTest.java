package it.ngsiena.kernel.problem;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ProblemLanguageTest {

    @Test
    void italianUnlessEnglishIsPreferredOverIt() {
        assertThat(ProblemLanguage.english((String) null)).isFalse();
        assertThat(ProblemLanguage.english("")).isFalse();
        assertThat(ProblemLanguage.english("it")).isFalse();
        assertThat(ProblemLanguage.english("de")).isFalse();
        assertThat(ProblemLanguage.english("not a tag;;")).isFalse();
        assertThat(ProblemLanguage.english("en")).isTrue();
        assertThat(ProblemLanguage.english("en-GB,en;q=0.9")).isTrue();
        assertThat(ProblemLanguage.english("de, en;q=0.8, it;q=0.5")).isTrue();
        assertThat(ProblemLanguage.english("it;q=0.9, en;q=0.5")).isFalse();
        assertThat(ProblemLanguage.english("en;q=0.4, it-IT;q=0.8")).isFalse();
    }

    @Test
    void aValidationProblemReadsInItalianWithItsTypeAndFieldsUnchanged() {
        Problem english = Problems.validation(List.of(
                        new Problem.Violation("municipalities[0]", "must be a 6-digit ISTAT code"),
                        new Problem.Violation("limit", "must be between 1 and 100"),
                        new Problem.Violation("code", "NGS-1 is unknown")))
                .withInstance("/v1/participation/needs");

        Problem italian = ProblemLanguage.in(false, english);
        assertThat(italian.type()).isEqualTo("urn:ngsiena:problem:validation");
        assertThat(italian.title()).isEqualTo("Richiesta non valida");
        assertThat(italian.detail()).isEqualTo("3 campi non sono validi");
        assertThat(italian.instance()).isEqualTo("/v1/participation/needs");
        assertThat(italian.violations())
                .extracting(Problem.Violation::field, Problem.Violation::message)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(
                                "municipalities[0]", "deve essere un codice ISTAT di 6 cifre"),
                        org.assertj.core.groups.Tuple.tuple("limit", "deve essere tra 1 e 100"),
                        // a text with no Italian stays as it is
                        org.assertj.core.groups.Tuple.tuple("code", "NGS-1 is unknown"));
        assertThat(ProblemLanguage.in(true, english)).isEqualTo(english);
    }

    @Test
    void theCommonRefusalsReadInItalian() {
        assertThat(ProblemLanguage.in(
                        false, ProblemException.notFound("Need", "42").problem()))
                .satisfies(p -> {
                    assertThat(p.title()).isEqualTo("Non trovato");
                    assertThat(p.detail()).isEqualTo("Need 42: non esiste o non è visibile per te");
                });
        assertThat(ProblemLanguage.in(false, Problems.ofStatus(401, "A valid bearer token is required")))
                .satisfies(p -> {
                    assertThat(p.title()).isEqualTo("Non autenticato");
                    assertThat(p.detail()).isEqualTo("Serve un token bearer valido");
                });
    }
}
