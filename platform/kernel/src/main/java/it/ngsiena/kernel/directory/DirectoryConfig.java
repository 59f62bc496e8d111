package it.ngsiena.kernel.directory;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Optional;

/**
 * How a service reads the realm's accounts (env {@code NGS_DIRECTORY_*}): as a confidential client of its own
 * whose service account may only view users and clients (realm-management's view-users and view-clients).
 * The realm is the one tokens come from ({@code quarkus.oidc.auth-server-url}).
 */
@ConfigMapping(prefix = "ngs.directory")
public interface DirectoryConfig {

    @WithDefault("ngs-directory")
    String clientId();

    /** The client's secret; without it, the directory cannot be read (and whoever needs it says so). */
    Optional<String> clientSecret();
}
