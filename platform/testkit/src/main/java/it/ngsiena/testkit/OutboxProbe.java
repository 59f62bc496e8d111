package it.ngsiena.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Reads the events a service under test wrote to its outbox, straight from its database; each one read is checked
 * against its type's JSON Schema ({@link EventSchemaCheck}), so every service's outbox tests check their events.
 */
public final class OutboxProbe {

    private static final ObjectMapper JSON = new ObjectMapper();

    private OutboxProbe() {}

    /**
     * An event as written: its type, data and time (the CloudEvents {@code time}), and who made it happen
     * (the columns behind the extensions actorsub, actorclient and actorrole).
     */
    public record Event(
            String type,
            JsonNode data,
            java.time.OffsetDateTime time,
            String actorSubject,
            String actorClient,
            String actorRole) {}

    /** The events about an aggregate, oldest first. */
    public static List<Event> events(Object subject) {
        Config config = ConfigProvider.getConfig();
        try (Connection db = DriverManager.getConnection(
                        config.getValue("quarkus.datasource.jdbc.url", String.class),
                        config.getValue("quarkus.datasource.username", String.class),
                        config.getOptionalValue("quarkus.datasource.password", String.class)
                                .orElse(""));
                PreparedStatement query = db.prepareStatement(
                        "select event_type, data::text, occurred_at, actor_sub, actor_client, actor_role"
                                + " from outbox_event where subject = ? order by seq")) {
            query.setString(1, subject.toString());
            List<Event> events = new ArrayList<>();
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    // every event a test reads here is held to its JSON Schema as well
                    EventSchemaCheck.requireValid(rs.getString(1), rs.getString(2));
                    events.add(new Event(
                            rs.getString(1),
                            JSON.readTree(rs.getString(2)),
                            rs.getObject(3, java.time.OffsetDateTime.class),
                            rs.getString(4),
                            rs.getString(5),
                            rs.getString(6)));
                }
            }
            return events;
        } catch (Exception e) {
            throw new IllegalStateException("cannot read the outbox", e);
        }
    }

    public static List<Event> events(Object subject, String type) {
        return events(subject).stream().filter(e -> e.type().equals(type)).toList();
    }
}
