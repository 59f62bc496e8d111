package it.ngsiena.kernel.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import it.ngsiena.kernel.problem.Problem;
import it.ngsiena.kernel.problem.ProblemException;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Refuses a merge patch that sends a member as {@code null} (see {@link MergePatch}): the request
 * records cannot tell a null from a member left out, so without this check a client asking to remove
 * a field would silently keep it. Only bodies read into a {@link MergePatch.Document} are looked at;
 * a body that is not JSON is left to the normal reader and its 400.
 */
@Provider
public class MergePatchNulls implements ReaderInterceptor {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        if (!MergePatch.Document.class.isAssignableFrom(context.getType())) {
            return context.proceed();
        }
        byte[] body = context.getInputStream().readAllBytes();
        List<Problem.Violation> violations = new ArrayList<>();
        try {
            nullMembers(JSON.readTree(body), "", violations);
        } catch (JsonProcessingException unreadable) {
            // the normal reader answers it
        }
        if (!violations.isEmpty()) {
            throw ProblemException.invalid(violations);
        }
        context.setInputStream(new ByteArrayInputStream(body));
        return context.proceed();
    }

    /** Members of objects, at any depth, sent as null (an array is a value as a whole in a merge patch). */
    static void nullMembers(JsonNode node, String path, List<Problem.Violation> violations) {
        if (node == null || !node.isObject()) {
            return;
        }
        node.properties().forEach(member -> {
            String name = path.isEmpty() ? member.getKey() : path + "." + member.getKey();
            if (member.getValue().isNull()) {
                violations.add(new Problem.Violation(
                        name, "cannot be removed: send a value, or leave the member out" + " to keep the current one"));
            } else {
                nullMembers(member.getValue(), name, violations);
            }
        });
    }
}
