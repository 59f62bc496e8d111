package it.ngsiena.kernel.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.security.identity.SecurityIdentity;
import it.ngsiena.kernel.problem.Problem;
import it.ngsiena.kernel.problem.ProblemException;
import it.ngsiena.kernel.retention.RetentionConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Supplier;

/**
 * Creates that honour {@code Idempotency-Key}: a retry with the same key and body gets the first
 * response back (and creates nothing); the same key with a different body is refused (422). The key
 * is stored in the transaction of the create itself, so a failed create leaves no key behind. A key is
 * honoured for {@code ngs.retention.idempotency-keys} (24 h): then the record is forgotten (and purged by
 * {@link it.ngsiena.kernel.retention.RetentionPurge}), and the same key makes a new request.
 */
@ApplicationScoped
public class IdempotentCreates {

    public static final String HEADER = "Idempotency-Key";
    public static final String REPLAYED = "Idempotent-Replayed";
    private static final int MAX_KEY_LENGTH = 255;

    private final EntityManager em;
    private final ObjectMapper json;
    private final SecurityIdentity identity;
    private final RetentionConfig retention;

    IdempotentCreates(EntityManager em, ObjectMapper json, SecurityIdentity identity, RetentionConfig retention) {
        this.em = em;
        this.json = json;
        this.identity = identity;
        this.retention = retention;
    }

    /** What a create produced: where the new resource is, and its representation. */
    public record Created(URI location, Object body) {}

    /**
     * Runs {@code create} once per key and answers 201 with {@code Location}.
     *
     * @param key       the {@code Idempotency-Key} header, or null for a plain create
     * @param operation names the operation, e.g. {@code POST /v1/participation/needs}
     * @param request   the request body, compared with the first request of the same key
     */
    @Transactional
    public Response create(String key, String operation, Object request, Supplier<Created> create) {
        if (key == null) {
            return created(create.get());
        }
        if (key.isBlank() || key.length() > MAX_KEY_LENGTH) {
            throw ProblemException.invalid(
                    List.of(new Problem.Violation(HEADER, "must be 1 to " + MAX_KEY_LENGTH + " characters")));
        }
        String scope = operation + " by "
                + (identity.isAnonymous()
                        ? "anonymous"
                        : identity.getPrincipal().getName());
        String hash = hash(request);
        IdempotencyRecord first = em.find(IdempotencyRecord.class, new IdempotencyRecord.Id(scope, key));
        OffsetDateTime expired = OffsetDateTime.now(ZoneOffset.UTC).minus(retention.idempotencyKeys());
        if (first != null && first.createdAt.isBefore(expired)) {
            em.remove(first); // expired: the key starts afresh
            em.flush();
            first = null;
        }
        if (first != null) {
            return replay(first, hash);
        }
        IdempotencyRecord record = new IdempotencyRecord();
        record.scope = scope;
        record.key = key;
        record.requestHash = hash;
        record.status = 0;
        record.body = "";
        record.createdAt = OffsetDateTime.now(ZoneOffset.UTC);
        try {
            em.persist(record);
            em.flush();
        } catch (PersistenceException e) {
            throw ProblemException.of(
                    409,
                    "idempotency-key-in-use",
                    "Request in progress",
                    "Another request with this Idempotency-Key is being processed; retry shortly");
        }
        Created result = create.get();
        record.status = 201;
        record.location = result.location().toString();
        record.body = write(result.body());
        return created(result);
    }

    /**
     * Forgets the stored first responses that created the resource at this path (e.g. a participant whose
     * personal data is erased: a replay must not bring it back). In the caller's transaction.
     */
    public void forgetResource(String path) {
        em.createQuery("delete from IdempotencyRecord where location like :path")
                .setParameter("path", "%" + path)
                .executeUpdate();
    }

    private Response replay(IdempotencyRecord first, String hash) {
        if (!first.requestHash.equals(hash)) {
            throw ProblemException.of(
                    422,
                    "idempotency-key-reused",
                    "Idempotency-Key reused",
                    "This Idempotency-Key was used for a different request; use a new key for a new request");
        }
        return Response.status(first.status)
                .location(URI.create(first.location))
                .type(MediaType.APPLICATION_JSON)
                .entity(first.body)
                .header(REPLAYED, "true")
                .build();
    }

    private static Response created(Created result) {
        return Response.created(result.location()).entity(result.body()).build();
    }

    private String hash(Object request) {
        try {
            byte[] digest =
                    MessageDigest.getInstance("SHA-256").digest(write(request).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (Exception e) {
            throw new IllegalStateException("cannot write " + value.getClass(), e);
        }
    }
}
