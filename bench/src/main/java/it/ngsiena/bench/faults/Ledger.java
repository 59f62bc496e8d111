package it.ngsiena.bench.faults;

import it.ngsiena.contracts.participation.NeedSubmitted;
import it.ngsiena.kernel.inbox.DeadLetters;
import it.ngsiena.testkit.TopicProbe;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Where the suite looks for what became of the writes: the needs the participation service stored,
 * the need-submitted events the gateway's feed holds for them, the copies on the topic, the dead letters.
 */
final class Ledger {

    private final String participationJdbc;
    private final String gatewayJdbc;
    private final String bootstrapServers;

    Ledger(String participationJdbc, String gatewayJdbc, String bootstrapServers) {
        this.participationJdbc = participationJdbc;
        this.gatewayJdbc = gatewayJdbc;
        this.bootstrapServers = bootstrapServers;
    }

    /** Ids of the needs stored with this title. */
    List<String> storedNeeds(String title) throws SQLException {
        List<String> ids = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(participationJdbc, "postgres", "");
                var q = c.prepareStatement("select id from need where title = ?")) {
            q.setString(1, title);
            try (var rs = q.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getString(1));
                }
            }
        }
        return ids;
    }

    /** How many need-submitted rows the gateway's feed holds per need, for the needs given (absent: none). */
    Map<String, Integer> feedRows(List<String> needs) throws SQLException {
        Map<String, Integer> rows = new HashMap<>();
        try (Connection c = DriverManager.getConnection(gatewayJdbc, "postgres", "");
                var q = c.prepareStatement("""
                     select subject, count(*) from activity where event_type = ? and subject = any(?)
                     group by subject""")) {
            q.setString(1, NeedSubmitted.TYPE);
            q.setArray(2, c.createArrayOf("text", needs.toArray()));
            try (var rs = q.executeQuery()) {
                while (rs.next()) {
                    rows.put(rs.getString(1), rs.getInt(2));
                }
            }
        }
        return rows;
    }

    /**
     * Waits until the feed holds every one of the needs; returns the seconds waited, or -1 when some
     * were still missing at the time-out.
     */
    double awaitInFeed(List<String> needs, Duration timeout) throws Exception {
        long start = System.nanoTime();
        while (feedRows(needs).size() < needs.size()) {
            if (System.nanoTime() - start > timeout.toNanos()) {
                return -1;
            }
            Thread.sleep(200);
        }
        return (System.nanoTime() - start) / 1e9;
    }

    /** Records on the participation topic beyond the first for each of the needs: the relay's resends. */
    long resentRecords(List<String> needs) {
        Map<String, Integer> copies = new HashMap<>();
        java.util.Set<String> wanted = new java.util.HashSet<>(needs);
        for (var record : new TopicProbe(bootstrapServers).readAll("ngs.participation.v1", Duration.ofSeconds(2))) {
            if (wanted.contains(record.key())) {
                copies.merge(record.key(), 1, Integer::sum);
            }
        }
        return copies.values().stream().mapToLong(n -> n - 1).sum();
    }

    /** Dead letters whose value contains the marker, counted per consumer group that sent them, for the topics given. */
    Map<String, Integer> deadLetters(List<String> topics, String marker) {
        Map<String, Integer> perConsumer = new TreeMap<>();
        TopicProbe probe = new TopicProbe(bootstrapServers);
        for (String topic : topics) {
            for (var record : probe.readAll(topic + ".dlq", Duration.ofSeconds(1))) {
                if (new String(record.value(), StandardCharsets.UTF_8).contains(marker)) {
                    var consumer = record.headers().lastHeader(DeadLetters.CONSUMER);
                    String group = consumer == null ? "?" : new String(consumer.value(), StandardCharsets.UTF_8);
                    perConsumer.merge(topic.replace("ngs.", "").replace(".v1", "") + " → " + group, 1, Integer::sum);
                }
            }
        }
        return perConsumer;
    }
}
