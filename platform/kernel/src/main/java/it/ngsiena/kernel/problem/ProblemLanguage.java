package it.ngsiena.kernel.problem;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Problem documents in Italian or English, as the caller's {@code Accept-Language} prefers: Italian unless
 * English is preferred (the national guidelines' default), the problem {@code type} never translated. The
 * platform's texts are written in English; their Italian is in {@code problems/italian.tsv}. A text with no
 * Italian there (a domain rule's detail naming codes and ids) stays as it is.
 */
public final class ProblemLanguage {

    private static final Map<String, String> ITALIAN = new HashMap<>();
    private static final List<Map.Entry<Pattern, String>> ITALIAN_PATTERNS = new ArrayList<>();

    static {
        try (InputStream in = ProblemLanguage.class.getResourceAsStream("/problems/italian.tsv")) {
            if (in == null) {
                throw new IllegalStateException("problems/italian.tsv is missing");
            }
            BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] parts = line.split("\t", 2);
                if (parts.length != 2) {
                    throw new IllegalStateException("problems/italian.tsv: no tab in \"" + line + "\"");
                }
                if (parts[0].startsWith("~")) {
                    ITALIAN_PATTERNS.add(Map.entry(Pattern.compile(parts[0].substring(1)), parts[1]));
                } else {
                    ITALIAN.put(parts[0], parts[1]);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private ProblemLanguage() {}

    /** Whether the caller prefers English: the first of it and en among its languages, by preference. */
    public static boolean english(List<Locale> acceptable) {
        for (Locale locale : acceptable) {
            if (locale.getLanguage().equals("en")) {
                return true;
            }
            if (locale.getLanguage().equals("it")) {
                return false;
            }
        }
        return false;
    }

    /** Whether an {@code Accept-Language} header value prefers English (q-values honoured). */
    public static boolean english(String acceptLanguage) {
        if (acceptLanguage == null || acceptLanguage.isBlank()) {
            return false;
        }
        try {
            List<Locale> ranked = Locale.LanguageRange.parse(acceptLanguage).stream()
                    .map(range -> Locale.forLanguageTag(range.getRange()))
                    .toList();
            return english(ranked);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** The problem in the caller's language. */
    public static Problem in(boolean english, Problem problem) {
        if (english) {
            return problem;
        }
        List<Problem.Violation> violations = problem.violations() == null
                ? null
                : problem.violations().stream()
                        .map(v -> new Problem.Violation(v.field(), italian(v.message())))
                        .toList();
        return problem.withTexts(italian(problem.title()), italian(problem.detail()), violations);
    }

    /** The Italian of a text the platform writes in English, or the text itself when it has none. */
    static String italian(String english) {
        if (english == null) {
            return null;
        }
        String exact = ITALIAN.get(english);
        if (exact != null) {
            return exact;
        }
        for (Map.Entry<Pattern, String> pattern : ITALIAN_PATTERNS) {
            Matcher m = pattern.getKey().matcher(english);
            if (m.matches()) {
                return m.replaceFirst(pattern.getValue());
            }
        }
        return english;
    }
}
