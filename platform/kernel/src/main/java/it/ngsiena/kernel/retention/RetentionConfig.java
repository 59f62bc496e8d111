package it.ngsiena.kernel.retention;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How long the kernel's bookkeeping rows are kept (env {@code NGS_RETENTION_*}). */
@ConfigMapping(prefix = "ngs.retention")
public interface RetentionConfig {

    /** An Idempotency-Key is honoured this long; then a retry with it is a new request, and the record goes. */
    @WithDefault("24h")
    Duration idempotencyKeys();

    /** Outbox rows Kafka acknowledged are kept this long (to look into what was published), then purged. */
    @WithDefault("7d")
    Duration sentEvents();

    /**
     * Inbox rows (the events a consumer handled) are kept this long: longer than the topics keep their
     * records (Kafka's default is 7 days), so that no redelivery can find its event forgotten.
     */
    @WithDefault("30d")
    Duration handledEvents();

    /** How often the purge runs. */
    @WithDefault("1h")
    Duration interval();
}
