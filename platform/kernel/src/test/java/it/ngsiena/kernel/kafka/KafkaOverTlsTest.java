package it.ngsiena.kernel.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import it.ngsiena.infra.TlsScramKafkaBroker;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.SslAuthenticationException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The clients a service builds from its {@code ngs.events.*} settings, against a broker that takes only
 * TLS and SCRAM-SHA-512 (as the production overlay's Strimzi listener does): with the service's user and
 * the cluster's CA they publish and consume; a wrong password or an untrusted certificate is refused.
 */
class KafkaOverTlsTest {

    private static TlsScramKafkaBroker broker;

    @BeforeAll
    static void startBroker() {
        broker = TlsScramKafkaBroker.start();
        broker.addUser("ngs-participation", "demo-only-pa\"ss");
    }

    @AfterAll
    static void stopBroker() {
        broker.close();
    }

    private static KafkaClients clients(Map<String, String> overrides) {
        Map<String, String> config = new HashMap<>(Map.of(
                "ngs.events.bootstrap-servers", broker.bootstrapServers(),
                "ngs.events.security-protocol", "SASL_SSL",
                "ngs.events.sasl.username", "ngs-participation",
                "ngs.events.sasl.password", "demo-only-pa\"ss",
                "ngs.events.ssl.truststore-location", broker.caCertificate().toString()));
        config.putAll(overrides);
        config.values().removeIf(String::isEmpty);
        return new KafkaClients(KafkaClientsTest.mapping(EventsConfig.class, "ngs.events", config));
    }

    @Test
    void theServiceUserPublishesAndConsumesOverTls() throws Exception {
        KafkaClients clients = clients(Map.of());
        try (KafkaProducer<String, byte[]> producer = clients.producer("tls-producer")) {
            producer.send(new ProducerRecord<>(
                            "ngs.participation.v1", "need-1", "{\"over\":\"tls\"}".getBytes(StandardCharsets.UTF_8)))
                    .get(30, TimeUnit.SECONDS);
        }
        try (KafkaConsumer<String, byte[]> consumer = clients.consumer("tls-consumer", "tls-test")) {
            consumer.subscribe(List.of("ngs.participation.v1"));
            ConsumerRecord<String, byte[]> received = null;
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (received == null && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(500))) {
                    received = r;
                }
            }
            assertThat(received).as("the record read back over TLS").isNotNull();
            assertThat(received.key()).isEqualTo("need-1");
            assertThat(new String(received.value(), StandardCharsets.UTF_8)).isEqualTo("{\"over\":\"tls\"}");
        }
    }

    @Test
    void aWrongPasswordIsRefused() {
        assertThat(signInFailure(clients(Map.of("ngs.events.sasl.password", "not-the-password"))))
                .isInstanceOf(SaslAuthenticationException.class);
    }

    @Test
    void aBrokerWhoseCertificateIsNotTrustedIsRefused() {
        // Without the cluster's CA the JDK's default authorities are used: the self-signed broker fails.
        assertThat(signInFailure(clients(Map.of("ngs.events.ssl.truststore-location", ""))))
                .isInstanceOf(SslAuthenticationException.class);
    }

    /** What the broker answers the clients' first request (null when they get in). */
    private static Throwable signInFailure(KafkaClients clients) {
        try (Admin admin = clients.admin("tls-admin")) {
            Throwable thrown =
                    catchThrowable(() -> admin.describeCluster().clusterId().get(30, TimeUnit.SECONDS));
            return thrown == null ? null : thrown.getCause();
        }
    }
}
