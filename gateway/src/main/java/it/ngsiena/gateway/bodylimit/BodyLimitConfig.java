package it.ngsiena.gateway.bodylimit;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import java.util.List;
import java.util.Optional;

/** How large a request body may be (env {@code NGS_GATEWAY_BODY_LIMIT_*}). */
@ConfigMapping(prefix = "ngs.gateway.body-limit")
public interface BodyLimitConfig {

    /** Any route not listed in {@link #routes()}. */
    @WithName("default")
    @WithDefault("1M")
    MemorySize defaultLimit();

    /**
     * Routes with a limit of their own, as {@code <path pattern>=<size>}, comma-separated, e.g.
     * {@code /v1/feasibility/studies/*}{@code /attachments=25M}: a {@code *} stands for one path segment, and a
     * pattern covers the paths below it too. The longest matching pattern wins.
     */
    Optional<List<String>> routes();
}
