package it.ngsiena.kernel.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import java.lang.reflect.Proxy;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** The clients' security settings as the configuration (the environment of a deployment) asks for them. */
class KafkaClientsTest {

    private static Properties settings(Map<String, String> config) {
        return new KafkaClients(mapping(EventsConfig.class, "ngs.events", config)).common("test");
    }

    /**
     * The configuration interface answered from the map, with its {@code @WithDefault}s (Quarkus builds
     * the real one at build time; a plain unit test has no such step).
     */
    @SuppressWarnings("unchecked")
    static <T> T mapping(Class<T> type, String prefix, Map<String, String> values) {
        return (T) Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (proxy, method, args) -> {
            WithName name = method.getAnnotation(WithName.class);
            String key = prefix + "."
                    + (name != null
                            ? name.value()
                            : method.getName()
                                    .replaceAll("([a-z])([A-Z])", "$1-$2")
                                    .toLowerCase(java.util.Locale.ROOT));
            if (method.getReturnType().isInterface()
                    && method.getReturnType().getDeclaringClass() == EventsConfig.class) {
                return mapping(method.getReturnType(), key, values);
            }
            WithDefault fallback = method.getAnnotation(WithDefault.class);
            String raw = values.getOrDefault(key, fallback == null ? null : fallback.value());
            Class<?> returned = method.getReturnType();
            if (returned == Optional.class) {
                return Optional.ofNullable(raw);
            }
            if (returned == int.class) {
                return Integer.parseInt(raw);
            }
            if (returned == boolean.class) {
                return Boolean.parseBoolean(raw);
            }
            if (returned == String.class) {
                return raw;
            }
            throw new UnsupportedOperationException(key + " (" + returned + ") is not needed here");
        });
    }

    @Test
    void withoutSecuritySettingsTheClientsSpeakPlaintext() {
        Properties p = settings(Map.of("ngs.events.bootstrap-servers", "kafka:9092"));
        assertThat(p)
                .containsEntry("bootstrap.servers", "kafka:9092")
                .containsEntry("security.protocol", "PLAINTEXT")
                .doesNotContainKeys("sasl.jaas.config", "ssl.truststore.location");
    }

    @Test
    void aStrimziTlsListenerWithAScramUserIsReachedOverTlsWithThatUser() {
        Properties p = settings(Map.of(
                "ngs.events.bootstrap-servers",
                "ngs-kafka-kafka-bootstrap:9093",
                "ngs.events.security-protocol",
                "SASL_SSL",
                "ngs.events.sasl.username",
                "ngs-participation",
                "ngs.events.sasl.password",
                "pa\"ss\\word",
                "ngs.events.ssl.truststore-location",
                "/etc/ngs/kafka-ca/ca.crt"));
        assertThat(p)
                .containsEntry("security.protocol", "SASL_SSL")
                .containsEntry("sasl.mechanism", "SCRAM-SHA-512")
                .containsEntry("ssl.truststore.location", "/etc/ngs/kafka-ca/ca.crt")
                .containsEntry("ssl.truststore.type", "PEM");
        // A quote or backslash in the password stays inside the JAAS option.
        assertThat(p.getProperty("sasl.jaas.config"))
                .isEqualTo(
                        "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"ngs-participation\""
                                + " password=\"pa\\\"ss\\\\word\";");
    }
}
