package it.ngsiena.local;

import it.ngsiena.contracts.Workstream;
import it.ngsiena.infra.Ports;
import java.nio.file.Path;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.ToIntFunction;

/**
 * How to run the platform: ports, where state lives, and optional external PostgreSQL, Kafka and
 * Keycloak that replace the embedded ones.
 *
 * @param projectRoot    the repository root (the services' jars are found under it)
 * @param stateDir       where data and logs live ({@code .local/} for the local run)
 * @param servicePorts   the port of each workstream's service ({@link #portVariable})
 * @param keycloakZip    the Keycloak distribution
 * @param keycloakHome   where Keycloak is unpacked
 * @param freshKeycloak  drop Keycloak's database first, so the realm is imported anew
 * @param externalJdbcUrl a PostgreSQL server to use instead of the embedded one: a JDBC URL without the
 *                       database name, e.g. {@code jdbc:postgresql://db:5432/}; one database per service
 * @param serviceEnvironment variables every service gets on top of the launcher's own (which they replace),
 *                       e.g. to send traces somewhere; the services inherit the launcher's environment too
 */
public record Settings(
        Path projectRoot,
        Path stateDir,
        int gatewayPort,
        Map<Workstream, Integer> servicePorts,
        int keycloakPort,
        int kafkaPort,
        int kafkaControllerPort,
        int postgresPort,
        int smtpPort,
        int imapPort,
        Path keycloakZip,
        Path keycloakHome,
        boolean freshKeycloak,
        Optional<String> externalJdbcUrl,
        Optional<String> externalDbUser,
        Optional<String> externalDbPassword,
        Optional<String> externalKafka,
        Optional<String> externalIssuer,
        Map<String, String> serviceEnvironment,
        Consumer<String> progress) {

    /** The defaults of the README, each overridable by an environment variable. */
    public static Settings fromEnvironment(Path projectRoot, Map<String, String> env, Consumer<String> progress) {
        Path state = projectRoot.resolve(env.getOrDefault("NGS_STATE_DIR", ".local"));
        return new Settings(
                projectRoot,
                state,
                port(env, "NGS_GATEWAY_PORT", 8080),
                servicePorts(workstream -> port(env, portVariable(workstream), 8081 + workstream.ordinal())),
                port(env, "NGS_KEYCLOAK_PORT", 8180),
                port(env, "NGS_KAFKA_PORT", 9092),
                port(env, "NGS_KAFKA_CONTROLLER_PORT", 9093),
                port(env, "NGS_POSTGRES_PORT", 15432),
                port(env, "NGS_SMTP_PORT", 3025),
                port(env, "NGS_IMAP_PORT", 3143),
                projectRoot.resolve("deploy/local/target/dist/keycloak-quarkus-dist-26.5.6.zip"),
                state.resolve("keycloak"),
                false,
                Optional.ofNullable(env.get("NGS_DB_URL")),
                Optional.ofNullable(env.get("NGS_DB_USER")),
                Optional.ofNullable(env.get("NGS_DB_PASSWORD")),
                Optional.ofNullable(env.get("NGS_KAFKA_BOOTSTRAP_SERVERS")),
                Optional.ofNullable(env.get("NGS_OIDC_ISSUER")),
                Map.of(),
                progress);
    }

    /** Every port chosen free, state in a throw-away folder, Keycloak's realm imported anew: for tests. */
    public static Settings forTests(
            Path projectRoot, Path stateDir, Path keycloakZip, Path keycloakHome, Consumer<String> progress) {
        return new Settings(
                projectRoot,
                stateDir,
                Ports.free(),
                servicePorts(workstream -> Ports.free()),
                Ports.free(),
                Ports.free(),
                Ports.free(),
                Ports.free(),
                Ports.free(),
                Ports.free(),
                keycloakZip,
                keycloakHome,
                true,
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Map.of(),
                progress);
    }

    /** The same settings with Keycloak's database kept (its realm already imported), as on a warm start. */
    public Settings keepingKeycloakData() {
        return new Settings(
                projectRoot,
                stateDir,
                gatewayPort,
                servicePorts,
                keycloakPort,
                kafkaPort,
                kafkaControllerPort,
                postgresPort,
                smtpPort,
                imapPort,
                keycloakZip,
                keycloakHome,
                false,
                externalJdbcUrl,
                externalDbUser,
                externalDbPassword,
                externalKafka,
                externalIssuer,
                serviceEnvironment,
                progress);
    }

    /** The same settings with a Kafka cluster the launcher does not start (e.g. a broker in a process of its own). */
    public Settings withExternalKafka(String bootstrapServers) {
        return new Settings(
                projectRoot,
                stateDir,
                gatewayPort,
                servicePorts,
                keycloakPort,
                kafkaPort,
                kafkaControllerPort,
                postgresPort,
                smtpPort,
                imapPort,
                keycloakZip,
                keycloakHome,
                freshKeycloak,
                externalJdbcUrl,
                externalDbUser,
                externalDbPassword,
                Optional.of(bootstrapServers),
                externalIssuer,
                serviceEnvironment,
                progress);
    }

    /**
     * The browser frontends of this deployment: the origins the gateway's CORS allows
     * ({@code NGS_GATEWAY_CORS_ORIGINS}, given to the services or in the launcher's environment), which
     * the realm lets sign people in too ({@link FrontendRealm}).
     */
    public List<String> frontendOrigins() {
        return FrontendRealm.origins(
                serviceEnvironment.getOrDefault(FrontendRealm.ORIGINS, System.getenv(FrontendRealm.ORIGINS)));
    }

    /** The same settings with more variables for every service (see {@code serviceEnvironment}). */
    public Settings withServiceEnvironment(Map<String, String> variables) {
        return new Settings(
                projectRoot,
                stateDir,
                gatewayPort,
                servicePorts,
                keycloakPort,
                kafkaPort,
                kafkaControllerPort,
                postgresPort,
                smtpPort,
                imapPort,
                keycloakZip,
                keycloakHome,
                freshKeycloak,
                externalJdbcUrl,
                externalDbUser,
                externalDbPassword,
                externalKafka,
                externalIssuer,
                Map.copyOf(variables),
                progress);
    }

    /** The port of a workstream's service. */
    public int port(Workstream workstream) {
        return servicePorts.get(workstream);
    }

    /** The variable that sets a workstream's port: {@code NGS_TRAINING_PORT} (8081), {@code NGS_PARTICIPATION_PORT} (8082)... */
    public static String portVariable(Workstream workstream) {
        return "NGS_" + workstream.name() + "_PORT";
    }

    private static Map<Workstream, Integer> servicePorts(ToIntFunction<Workstream> port) {
        Map<Workstream, Integer> ports = new EnumMap<>(Workstream.class);
        for (Workstream workstream : Workstream.values()) {
            ports.put(workstream, port.applyAsInt(workstream));
        }
        return Collections.unmodifiableMap(ports);
    }

    private static int port(Map<String, String> env, String name, int fallback) {
        String value = env.get(name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a port number, not '" + value + "'");
        }
    }
}
