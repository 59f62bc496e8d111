package it.ngsiena.gateway.overview;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Whole events of the activity log, as one caller sees it, read for the models that merge their data. */
@ApplicationScoped
class EventRows {

    static final ObjectMapper JSON = new ObjectMapper();

    /** The columns a {@link Row} is read from, in order. */
    static final String COLUMNS = "event_id, event_type, workstream, subject, occurred_at, title, data::text";

    record Row(
            String eventId,
            String type,
            String workstream,
            String subject,
            OffsetDateTime time,
            String title,
            JsonNode data) {}

    private final VisibleActivity visible;

    EventRows(VisibleActivity visible) {
        this.visible = visible;
    }

    /** The rows of {@code sql}, which selects {@link #COLUMNS} from {@code $visible}. */
    List<Row> read(Set<String> grants, String sql, Object... params) {
        List<Row> rows = new ArrayList<>();
        for (Object[] r :
                VisibleActivity.rows(visible.query(grants, sql, params).getResultList())) {
            try {
                rows.add(new Row(
                        (String) r[0],
                        (String) r[1],
                        (String) r[2],
                        (String) r[3],
                        time(r[4]),
                        (String) r[5],
                        JSON.readTree((String) r[6])));
            } catch (IOException e) {
                throw new IllegalStateException("Unreadable event data in the activity log", e);
            }
        }
        return rows;
    }

    /** Copies the row's event data into {@code into}: later events' values win. */
    @SuppressWarnings("unchecked")
    static void merge(Map<String, Object> into, Row row) {
        into.putAll(JSON.convertValue(row.data(), Map.class));
    }

    private static OffsetDateTime time(Object value) {
        return value instanceof Instant i ? i.atOffset(ZoneOffset.UTC) : (OffsetDateTime) value;
    }
}
