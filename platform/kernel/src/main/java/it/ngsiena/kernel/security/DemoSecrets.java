package it.ngsiena.kernel.security;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.eclipse.microprofile.config.Config;
import org.jboss.logging.Logger;

/**
 * A service refuses to start with a secret the repository publishes (the compose stack's demo passwords, the
 * demo realm's client secrets) unless it is told it runs a demonstration ({@code NGS_DEMO=true}, which the
 * launcher, the tests and the container proof set). A stack brought up with the demo {@code .env}, or a
 * realm never hardened, therefore stops at once, naming the setting, instead of running with passwords
 * anyone can read.
 */
@ApplicationScoped
public class DemoSecrets {

    private static final Logger LOG = Logger.getLogger(DemoSecrets.class);

    /** Settings that hold a secret, as a service reads them. */
    static final List<String> SECRET_SETTINGS = List.of(
            "quarkus.datasource.password",
            "ngs.events.sasl.password",
            "ngs.directory.client-secret",
            "ngs.webhooks.secret-keys",
            "quarkus.mailer.password");

    /** The secrets the repository publishes (deploy/compose/.env, deploy/keycloak/ngs-realm.json). */
    static final Set<String> PUBLISHED = Set.of(
            "demo-postgres-password",
            "demo-training-password",
            "demo-participation-password",
            "demo-feasibility-password",
            "demo-comms-password",
            "demo-gateway-password",
            "demo-keycloak-password",
            "demo-keycloak-admin-password",
            "demo-smtp-password",
            "ngs-directory-secret",
            "euronike-lms-secret",
            "codesign-hub-secret",
            "openimpact-studio-secret",
            "ananse-cms-secret",
            "comune-siena-it-secret",
            "demo-1=5FWANwx0cfzrBYXrUY0iBE9NcQkwx/8f4VkECNNukg4=");

    void check(@Observes StartupEvent startup, Config config) {
        boolean demo = config.getOptionalValue("ngs.demo", Boolean.class).orElse(false);
        Map<String, Optional<String>> secrets = new TreeMap<>();
        for (String setting : SECRET_SETTINGS) {
            secrets.put(setting, config.getOptionalValue(setting, String.class));
        }
        List<String> published = published(secrets);
        if (published.isEmpty()) {
            return;
        }
        if (demo) {
            LOG.warnf("Demonstration secrets in use (%s): NGS_DEMO=true, so this service starts", published);
            return;
        }
        throw new IllegalStateException("Refusing to start with a secret published in the repository: "
                + String.join(", ", published)
                + ". Set new secrets (deploy/compose/.env, harden the realm: deploy/keycloak/harden-for-production.sh),"
                + " or NGS_DEMO=true for a demonstration.");
    }

    /** The settings whose value is a published secret. */
    static List<String> published(Map<String, Optional<String>> secrets) {
        return secrets.entrySet().stream()
                .filter(e -> e.getValue().map(PUBLISHED::contains).orElse(false))
                .map(Map.Entry::getKey)
                .toList();
    }
}
