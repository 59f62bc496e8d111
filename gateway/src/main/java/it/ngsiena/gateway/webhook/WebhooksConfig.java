package it.ngsiena.gateway.webhook;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** The webhooks' settings (env {@code NGS_WEBHOOKS_*}). */
@ConfigMapping(prefix = "ngs.webhooks")
public interface WebhooksConfig {

    /** How often the delivery worker looks for due subscriptions (it is also woken by new feed entries). */
    @WithDefault("1s")
    Duration poll();

    /** A subscription with nothing to deliver is looked at again after this, even without a wake-up. */
    @WithDefault("30s")
    Duration idleRecheck();

    /** Feed entries are delivered once stored this long ago (see ActivityRepository#settledAfter). */
    @WithDefault("2s")
    Duration settle();

    /**
     * Subscriptions delivered to at once by one gateway replica, each in a lane of its own: a slow receiver
     * delays only its own subscription while fewer than this many are slow together.
     */
    @WithDefault("64")
    int concurrency();

    /** Events sent to one subscription in one turn, one after the other. */
    @WithDefault("50")
    int batch();

    /** The pause after the first failed attempt; it doubles with every failure (with jitter) up to maxRetry. */
    @WithDefault("10s")
    Duration firstRetry();

    @WithDefault("1h")
    Duration maxRetry();

    /** A subscription whose next event fails for this long is suspended and its owner told. */
    @WithDefault("24h")
    Duration retryWindow();

    /** After a rotation, deliveries are signed with the old secret too for this long. */
    @WithDefault("24h")
    Duration secretOverlap();

    /** How long one gateway replica holds a subscription it works on (longer than a batch can take). */
    @WithDefault("5m")
    Duration lease();

    /** The time limit of one delivery, answer included. */
    @WithDefault("10s")
    Duration timeout();

    /** Plain http URLs accepted (development only; production receivers use https). */
    @WithDefault("false")
    boolean allowPlainHttp();

    /** Address blocks deliveries may reach although private (CIDR, comma-separated), e.g. a municipality's network. */
    Optional<List<String>> allowedNetworks();

    /** Attempts stay in a subscription's delivery log this long. */
    @WithDefault("30d")
    Duration deliveryLogRetention();

    /**
     * How long what the directory said of a subscription's owner is trusted: an owner deleted, disabled, or
     * without the role (or municipality) the subscription was granted under gets nothing more after this.
     */
    @WithDefault("5m")
    Duration ownerCheck();

    /** Whether owners are checked at all (off only where there is no realm to ask: the gateway's own tests). */
    @WithDefault("true")
    boolean ownerCheckEnabled();

    /**
     * The keys webhook secrets are sealed with at rest (SecretSeal): {@code <id>=<32 bytes in base64>},
     * comma-separated, the first sealing. Required: from a secret of the deployment.
     */
    List<String> secretKeys();

    /** Subscriptions one owner may have. */
    @WithDefault("20")
    int maxPerOwner();
}
