package it.ngsiena.comms.notification;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.orm.panache.Panache;
import it.ngsiena.kernel.text.Labelled;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** How a person wants to be told: a language, and per category by mail at once or in the inbox only. */
@Schema(name = "NotificationPreferences", description = "How the caller is told; categories left out are IMMEDIATE")
public record Preferences(
        @Schema(
                description = "The language of the mails: it or en",
                example = "it",
                enumeration = {"it", "en"})
        String language,

        @Schema(
                description = "Per category: IMMEDIATE (a mail for each), DAILY (one mail a day listing them, at the"
                        + " hour the platform sets, Europe/Rome) or OFF (the inbox only)",
                example = "{\"NEEDS\":\"IMMEDIATE\",\"STUDIES\":\"DAILY\",\"TRAINING\":\"OFF\"}")
        Map<Category, Mode> modes) {

    /** How a category's notifications reach the person besides the inbox. */
    public enum Mode implements Labelled {
        /** A mail for each notification. */
        IMMEDIATE,
        /** One mail a day listing the day's notifications (DailyDigest). */
        DAILY,
        /** The inbox only. */
        OFF
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    /** What a person who never chose anything gets. */
    static Preferences defaults() {
        Map<Category, Mode> modes = new EnumMap<>(Category.class);
        for (Category c : Category.values()) {
            modes.put(c, Mode.IMMEDIATE);
        }
        return new Preferences("it", modes);
    }

    Mode modeOf(Category category) {
        return modes.getOrDefault(category, Mode.IMMEDIATE);
    }

    boolean italian() {
        return !"en".equals(language);
    }

    /** The person's stored preferences, or the defaults. */
    @SuppressWarnings("unchecked")
    static Preferences of(String recipient) {
        List<Object[]> rows = Panache.getEntityManager()
                .createNativeQuery("select recipient, language, cast(modes as text) from notification_preference"
                        + " where recipient = ?1")
                .setParameter(1, recipient)
                .getResultList();
        return rows.isEmpty() ? defaults() : parsed(rows.get(0));
    }

    /**
     * Everyone's stored preferences by person, read once for a batch of notifications (a person without a row has
     * the defaults). One row per person who ever chose: a few hundred in the programme.
     */
    @SuppressWarnings("unchecked")
    static Map<String, Preferences> stored() {
        List<Object[]> rows = Panache.getEntityManager()
                .createNativeQuery("select recipient, language, cast(modes as text) from notification_preference")
                .getResultList();
        Map<String, Preferences> chosen = new java.util.HashMap<>();
        rows.forEach(row -> chosen.put((String) row[0], parsed(row)));
        return chosen;
    }

    /** A stored row (recipient, language, modes as JSON) over the defaults. */
    @SuppressWarnings("unchecked")
    private static Preferences parsed(Object[] row) {
        Map<Category, Mode> modes = new EnumMap<>(defaults().modes());
        try {
            Map<String, String> stored = JSON.readValue((String) row[2], Map.class);
            stored.forEach((category, mode) -> modes.put(Category.valueOf(category), Mode.valueOf(mode)));
        } catch (Exception e) {
            throw new IllegalStateException("unreadable preferences of " + row[0], e);
        }
        return new Preferences((String) row[1], modes);
    }

    /** Stores these as the person's preferences, every category said. */
    Preferences save(String recipient) {
        Preferences complete =
                new Preferences(language, new EnumMap<>(defaults().modes()));
        if (modes != null) {
            complete.modes().putAll(modes);
        }
        try {
            Panache.getEntityManager()
                    .createNativeQuery("insert into notification_preference (recipient, language, modes, updated_at)"
                            + " values (?1, ?2, cast(?3 as jsonb), ?4) on conflict (recipient) do update set"
                            + " language = excluded.language, modes = excluded.modes, updated_at = excluded.updated_at")
                    .setParameter(1, recipient)
                    .setParameter(2, complete.language())
                    .setParameter(3, JSON.writeValueAsString(complete.modes()))
                    .setParameter(4, OffsetDateTime.now(ZoneOffset.UTC))
                    .executeUpdate();
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        return complete;
    }
}
