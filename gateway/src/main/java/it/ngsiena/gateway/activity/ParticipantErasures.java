package it.ngsiena.gateway.activity;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import it.ngsiena.contracts.training.ParticipantErased;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Applies participants' erasures ({@link ParticipantErased}) to the feed: every row naming an erased
 * participant carries one pseudonym, drawn for the erasure, in place of their id. Readers, streams and
 * webhook receivers never see the id again, and the figures that count distinct participants stay as
 * they were. The erasures are kept by the id's hash (table {@code participant_erasure}), so rows stored
 * later get the same pseudonym: an enrolment read late from another partition, or a rebuild from the log.
 */
@ApplicationScoped
class ParticipantErasures {

    private static final String PARTICIPANT_ID = "participantId";

    private final EntityManager em;
    private final ObjectMapper json;

    ParticipantErasures(EntityManager em, ObjectMapper json) {
        this.em = em;
        this.json = json;
    }

    /**
     * Before rows are stored, in their transaction: records the erasures among them, gives the rows already
     * in the feed their pseudonym, and answers the rows with erased participants' ids replaced.
     */
    List<FeedRow> beforeStoring(Connection connection, List<FeedRow> rows) throws SQLException {
        if (rows.stream().anyMatch(row -> ParticipantErased.TYPE.equals(row.type()))) {
            // With two gateway replicas, an erasure and a late event about the same person may be stored at once
            // from two partitions: each would miss the other's uncommitted row. Erasures hold this lock
            // exclusively, rows naming a participant share it (pseudonymise), so one waits for the other's commit.
            advisoryLock(connection, "pg_advisory_xact_lock");
        }
        List<String> erased = new ArrayList<>();
        for (FeedRow row : rows) {
            if (ParticipantErased.TYPE.equals(row.type())) {
                JsonNode hash = parse(row.data()).path("participantIdSha256");
                if (hash.isTextual()) {
                    record(connection, hash.asText(), row);
                    erased.add(hash.asText());
                }
            }
        }
        if (!erased.isEmpty()) {
            pseudonymiseStored(connection, erased);
        }
        return pseudonymise(connection, rows);
    }

    /** A rebuild's scratch table: erasures read from the log recorded, then every row that names one pseudonymised. */
    void applyToScratch() {
        em.createNativeQuery("""
                        insert into participant_erasure (id_sha256, pseudonym, erased_at)
                        select distinct on (data ->> 'participantIdSha256') data ->> 'participantIdSha256',
                               gen_random_uuid(), occurred_at
                        from activity_rebuild
                        where event_type = ?1 and jsonb_typeof(data -> 'participantIdSha256') = 'string'
                        order by data ->> 'participantIdSha256', occurred_at
                        on conflict (id_sha256) do nothing""").setParameter(1, ParticipantErased.TYPE).executeUpdate();
        em.createNativeQuery("""
                        update activity_rebuild r set data = jsonb_set(r.data, '{participantId}', to_jsonb(e.pseudonym::text))
                        from participant_erasure e
                        where participant_id_sha256(r.data) = e.id_sha256""").executeUpdate();
    }

    private static void record(Connection connection, String hash, FeedRow row) throws SQLException {
        try (var insert = connection.prepareStatement("""
                insert into participant_erasure (id_sha256, pseudonym, erased_at) values (?, ?, ?)
                on conflict (id_sha256) do nothing""")) {
            insert.setString(1, hash);
            insert.setObject(2, UUID.randomUUID());
            insert.setObject(3, row.time());
            insert.executeUpdate();
        }
    }

    /** The rows already stored that name the participants of these hashes (index activity_participant). */
    private static void pseudonymiseStored(Connection connection, List<String> hashes) throws SQLException {
        try (var update = connection.prepareStatement("""
                update activity a set data = jsonb_set(a.data, '{participantId}', to_jsonb(e.pseudonym::text))
                from participant_erasure e
                where e.id_sha256 = any(?) and a.data ?? 'participantId' and participant_id_sha256(a.data) = e.id_sha256""")) {
            // "??" is JDBC's escape of the jsonb operator "?", the condition of the index activity_participant
            update.setArray(1, connection.createArrayOf("text", hashes.toArray()));
            update.executeUpdate();
        }
    }

    /** The rows, those naming an erased participant with the erasure's pseudonym instead. */
    private List<FeedRow> pseudonymise(Connection connection, List<FeedRow> rows) throws SQLException {
        Map<Integer, ObjectNode> naming = new HashMap<>();
        Set<String> hashes = new LinkedHashSet<>();
        for (int i = 0; i < rows.size(); i++) {
            // a cheap look first: most events name no participant
            if (rows.get(i).data().contains('"' + PARTICIPANT_ID + '"')
                    && parse(rows.get(i).data()) instanceof ObjectNode data
                    && data.hasNonNull(PARTICIPANT_ID)) {
                naming.put(i, data);
                hashes.add(ParticipantErased.sha256Of(data.get(PARTICIPANT_ID).asText()));
            }
        }
        if (hashes.isEmpty()) {
            return rows;
        }
        advisoryLock(connection, "pg_advisory_xact_lock_shared");
        Map<String, String> pseudonyms = pseudonyms(connection, hashes);
        if (pseudonyms.isEmpty()) {
            return rows;
        }
        List<FeedRow> stored = new ArrayList<>(rows);
        naming.forEach((i, data) -> {
            String pseudonym = pseudonyms.get(
                    ParticipantErased.sha256Of(data.get(PARTICIPANT_ID).asText()));
            if (pseudonym != null) {
                data.put(PARTICIPANT_ID, pseudonym);
                stored.set(i, rows.get(i).withData(data.toString()));
            }
        });
        return stored;
    }

    /** Held until the transaction ends; "NGS" erasure. */
    private static final long ERASURE_LOCK = 0x4e47_5303L;

    private static void advisoryLock(Connection connection, String function) throws SQLException {
        try (var lock = connection.prepareStatement("select " + function + "(?)")) {
            lock.setLong(1, ERASURE_LOCK);
            lock.execute();
        }
    }

    private static Map<String, String> pseudonyms(Connection connection, Set<String> hashes) throws SQLException {
        Map<String, String> pseudonyms = new HashMap<>();
        try (var query = connection.prepareStatement(
                "select id_sha256, pseudonym::text from participant_erasure where id_sha256 = any(?)")) {
            query.setArray(1, connection.createArrayOf("text", hashes.toArray()));
            try (var result = query.executeQuery()) {
                while (result.next()) {
                    pseudonyms.put(result.getString(1), result.getString(2));
                }
            }
        }
        return pseudonyms;
    }

    private JsonNode parse(String data) {
        try {
            return json.readTree(data);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a feed row's data is JSON written by FeedRow", e);
        }
    }
}
