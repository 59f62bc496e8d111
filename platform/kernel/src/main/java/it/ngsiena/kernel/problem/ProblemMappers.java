package it.ngsiena.kernel.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import it.ngsiena.kernel.text.TextRules;
import jakarta.persistence.OptimisticLockException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.hibernate.StaleStateException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Turns every failure into {@code application/problem+json}: bad input is a 4xx that says what is
 * wrong; anything unexpected is a 500 with a reference to the log, never a stack trace.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    /** What Quarkus' request stream throws past {@code io.quarkus.max-request-size}. */
    private static final String STREAMED_BODY_TOO_LARGE = "Request too large";

    @ServerExceptionMapper
    public Response problem(ProblemException e, UriInfo uri, HttpHeaders headers) {
        Response.ResponseBuilder response = Response.fromResponse(respond(e.problem(), uri, headers));
        e.headers().forEach(response::header);
        return response.build();
    }

    @ServerExceptionMapper
    public Response validation(ConstraintViolationException e, UriInfo uri, HttpHeaders headers) {
        List<Problem.Violation> violations = new ArrayList<>();
        for (ConstraintViolation<?> v : e.getConstraintViolations()) {
            violations.add(new Problem.Violation(fieldName(v.getPropertyPath()), v.getMessage()));
        }
        violations.sort(Comparator.comparing(Problem.Violation::field));
        return respond(Problems.validation(violations), uri, headers);
    }

    @ServerExceptionMapper
    public Response controlCharacter(TextRules.ControlCharacterInput e, UriInfo uri, HttpHeaders headers) {
        return respond(
                Problems.validation(List.of(new Problem.Violation(jsonPath(e), e.getOriginalMessage()))), uri, headers);
    }

    @ServerExceptionMapper
    public Response unreadableField(MismatchedInputException e, UriInfo uri, HttpHeaders headers) {
        return respond(
                Problems.validation(List.of(new Problem.Violation(jsonPath(e), "has the wrong type or format"))),
                uri,
                headers);
    }

    @ServerExceptionMapper
    public Response unreadableJson(JsonProcessingException e, UriInfo uri, HttpHeaders headers) {
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            return respond(
                    Problems.validation(List.of(new Problem.Violation(jsonPath(mapping), "cannot be read"))),
                    uri,
                    headers);
        }
        var location = e.getLocation();
        String where =
                location == null ? "" : " at line " + location.getLineNr() + ", column " + location.getColumnNr();
        return respond(Problems.ofStatus(400, "The request body is not valid JSON" + where), uri, headers);
    }

    @ServerExceptionMapper
    public Response unauthorized(UnauthorizedException e, UriInfo uri, HttpHeaders headers) {
        return unauthenticated(uri, headers);
    }

    @ServerExceptionMapper
    public Response authenticationFailed(AuthenticationFailedException e, UriInfo uri, HttpHeaders headers) {
        return unauthenticated(uri, headers);
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri, HttpHeaders headers) {
        return respond(Problems.ofStatus(403, "Your roles do not allow this operation"), uri, headers);
    }

    @ServerExceptionMapper
    public Response staleWrite(OptimisticLockException e, UriInfo uri, HttpHeaders headers) {
        return respond(Problems.ofStatus(412, "The resource was changed by someone else; read it again"), uri, headers);
    }

    @ServerExceptionMapper
    public Response staleState(StaleStateException e, UriInfo uri, HttpHeaders headers) {
        return respond(Problems.ofStatus(412, "The resource was changed by someone else; read it again"), uri, headers);
    }

    @ServerExceptionMapper
    public Response http(WebApplicationException e, UriInfo uri, HttpHeaders headers) {
        int status = e.getResponse().getStatus();
        if (status == 404 && e.getCause() instanceof IllegalArgumentException bad) {
            // JAX-RS answers 404 when a query or path parameter cannot be converted (an unknown enum
            // value, a malformed UUID or date): that is the client's bad input, so say so.
            LOG.debugf("Parameter conversion failed: %s", bad.getMessage());
            return respond(
                    Problems.ofStatus(
                            400, "A parameter has a value this operation does not accept: " + bad.getMessage()),
                    uri,
                    headers);
        }
        if (status >= 500) {
            LOG.error("Request failed", e);
        }
        String detail = switch (status) {
            case 404 -> "There is nothing at this path";
            case 405 -> "This method is not allowed here";
            case 406 -> "None of the accepted media types can be produced";
            case 415 -> "This media type is not supported here; send application/json";
            default -> e.getMessage();
        };
        Response problem = respond(Problems.ofStatus(status, detail), uri, headers);
        if (status == 405 && e.getResponse().getHeaderString(HttpHeaders.ALLOW) != null) {
            return Response.fromResponse(problem)
                    .header(HttpHeaders.ALLOW, e.getResponse().getHeaderString(HttpHeaders.ALLOW))
                    .build();
        }
        return problem;
    }

    /**
     * A streamed body (HTTP/2 without Content-Length) that passed its limit while being read: Quarkus has
     * already answered 413 and closed the exchange, so this is the client's doing, not a failure to log.
     */
    @ServerExceptionMapper
    public Response bodyOverItsLimit(IOException e, UriInfo uri, HttpHeaders headers) {
        if (!STREAMED_BODY_TOO_LARGE.equals(e.getMessage())) {
            return unexpected(e, uri, headers);
        }
        LOG.debugf("A streamed request body passed its limit at %s", uri == null ? null : uri.getPath());
        return respond(Problems.ofStatus(413, "The request body is larger than this operation accepts"), uri, headers);
    }

    @ServerExceptionMapper(priority = 10_000)
    public Response unexpected(Throwable e, UriInfo uri, HttpHeaders headers) {
        String reference = UUID.randomUUID().toString();
        LOG.errorf(e, "Unexpected failure, reference %s", reference);
        return respond(Problems.ofStatus(500, "An unexpected error occurred; reference " + reference), uri, headers);
    }

    private static Response unauthenticated(UriInfo uri, HttpHeaders headers) {
        return Response.fromResponse(respond(Problems.ofStatus(401, "A valid bearer token is required"), uri, headers))
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                .build();
    }

    /** The problem as the response, in the caller's language (Accept-Language; Italian by default). */
    static Response respond(Problem problem, UriInfo uri, HttpHeaders headers) {
        boolean english = headers != null && ProblemLanguage.english(headers.getAcceptableLanguages());
        return Response.fromResponse(Problems.response(
                        ProblemLanguage.in(english, problem.withInstance(uri == null ? null : uri.getPath()))))
                .header(HttpHeaders.CONTENT_LANGUAGE, english ? "en" : "it")
                .build();
    }

    /** The request field a violation is about: the bean property path, or the parameter's name. */
    static String fieldName(Path path) {
        StringBuilder field = new StringBuilder();
        String parameter = null;
        for (Path.Node node : path) {
            if (node.getKind() == ElementKind.PARAMETER) {
                parameter = node.getName();
            } else if (node.getKind() == ElementKind.PROPERTY || node.getKind() == ElementKind.CONTAINER_ELEMENT) {
                if (node.getName() != null && !node.getName().startsWith("<")) {
                    if (!field.isEmpty()) {
                        field.append('.');
                    }
                    field.append(node.getName());
                }
                if (node.getIndex() != null) {
                    field.append('[').append(node.getIndex()).append(']');
                }
            }
        }
        if (!field.isEmpty()) {
            return field.toString();
        }
        return parameter != null ? parameter : path.toString();
    }

    private static String jsonPath(JsonMappingException e) {
        StringBuilder field = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (!field.isEmpty()) {
                    field.append('.');
                }
                field.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                field.append('[').append(ref.getIndex()).append(']');
            }
        }
        return field.isEmpty() ? "body" : field.toString();
    }
}
