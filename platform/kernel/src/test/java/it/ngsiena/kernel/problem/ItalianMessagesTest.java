package it.ngsiena.kernel.problem;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every validation message the platform's code writes (a constraint's {@code message}, a violation built by
 * hand) and every problem detail written as one literal has its Italian in {@code problems/italian.tsv}: a message added or reworded in English without it
 * would reach Italian callers in English, and this test names it.
 */
class ItalianMessagesTest {

    private static final Pattern CONSTRAINT_MESSAGE = Pattern.compile("message = \"([^\"]+)\"");
    private static final Pattern VIOLATION =
            Pattern.compile("new Problem\\.Violation\\(\\s*\"[^\"]+\",\\s*\"([^\"]+)\"\\)");
    /** A problem's detail written as one literal (details built from values are matched by patterns, or stay). */
    private static final Pattern DETAIL =
            Pattern.compile("ProblemException\\.(?:forbidden|conflict|unprocessable)\\(\\s*\"([^\"]+)\"\\s*[,)]");
    /** A problem's title and detail given to ProblemException.of as literals. */
    private static final Pattern TITLE_AND_DETAIL = Pattern.compile(
            "ProblemException\\.of\\(\\s*\\d+,\\s*\"[^\"]+\",\\s*\"([^\"]+)\",\\s*\"([^\"]+)\"\\s*[,)]");

    @Test
    void everyMessageOfTheCodeHasItsItalian() throws IOException {
        Path root = Path.of("../..").toAbsolutePath().normalize();
        Set<String> messages = new TreeSet<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".java"))
                    .filter(p -> p.toString().contains("/src/main/java/"))
                    .filter(p ->
                            !p.toString().contains("/target/") && !p.toString().contains("/node_modules/"))
                    .toList()) {
                String source = Files.readString(file);
                for (Pattern pattern : new Pattern[] {CONSTRAINT_MESSAGE, VIOLATION, DETAIL, TITLE_AND_DETAIL}) {
                    Matcher m = pattern.matcher(source);
                    while (m.find()) {
                        for (int group = 1; group <= m.groupCount(); group++) {
                            messages.add(m.group(group));
                        }
                    }
                }
            }
        }
        assertThat(messages).as("messages found in the code").hasSizeGreaterThan(20);
        assertThat(messages.stream().filter(m -> ProblemLanguage.italian(m).equals(m)))
                .as("messages without Italian in problems/italian.tsv")
                .isEmpty();
    }
}
