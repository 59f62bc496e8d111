package it.ngsiena.gateway.activity;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Limits of the live stream (env {@code NGS_GATEWAY_STREAMS_*}), per gateway replica. */
@ConfigMapping(prefix = "ngs.gateway.streams")
public interface StreamsConfig {

    /** Streams open at once; one more is answered 503 with Retry-After. */
    @WithDefault("2000")
    int maxTotal();

    /** Streams one caller keeps open at once (a signed-in caller by subject, anyone else by address); one more is 429. */
    @WithDefault("10")
    int maxPerCaller();

    /** An anonymous stream ends after this long (a signed-in one when its token expires): the client reconnects with Last-Event-ID. */
    @WithDefault("1h")
    Duration anonymousMaxAge();
}
