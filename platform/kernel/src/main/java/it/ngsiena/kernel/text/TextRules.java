package it.ngsiena.kernel.text;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import io.quarkus.jackson.ObjectMapperCustomizer;
import it.ngsiena.kernel.problem.Problem;
import it.ngsiena.kernel.problem.ProblemException;
import jakarta.inject.Singleton;
import jakarta.ws.rs.container.ContainerRequestContext;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Applies {@link ControlCharacters} to everything a request carries, in every service: each string of
 * a JSON body (prose allowed: tab and line breaks), and each query parameter (none at all). Either is a
 * 400 problem naming the field, before any code or the database sees the text.
 */
@Singleton
public class TextRules implements ObjectMapperCustomizer {

    /** A JSON string with a forbidden control character; the problem mappers answer it with 400. */
    public static final class ControlCharacterInput extends MismatchedInputException {
        ControlCharacterInput(JsonParser parser, String message) {
            super(parser, message, String.class);
        }
    }

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.registerModule(new SimpleModule("ngs-text-rules").addDeserializer(String.class, new CheckedStrings()));
    }

    @ServerRequestFilter(preMatching = true)
    public void checkQuery(ContainerRequestContext request) {
        List<Problem.Violation> violations = new ArrayList<>();
        request.getUriInfo()
                .getQueryParameters(true)
                .forEach((name, values) -> values.forEach(value -> ControlCharacters.forbiddenIn(value, false)
                        .ifPresent(c -> violations.add(
                                new Problem.Violation(name, "must not contain control characters (" + c + ")")))));
        if (!violations.isEmpty()) {
            throw ProblemException.invalid(violations);
        }
    }

    private static final class CheckedStrings extends StringDeserializer {
        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            String value = super.deserialize(parser, context);
            if (value != null) {
                var forbidden = ControlCharacters.forbiddenIn(value, true);
                if (forbidden.isPresent()) {
                    throw new ControlCharacterInput(
                            parser, "must not contain control characters (" + forbidden.get() + ")");
                }
            }
            return value;
        }
    }
}
