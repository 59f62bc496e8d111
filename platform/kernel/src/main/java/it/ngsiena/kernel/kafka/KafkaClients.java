package it.ngsiena.kernel.kafka;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.Properties;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.SaslConfigs;
import org.apache.kafka.common.config.SslConfigs;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Builds the Kafka clients of a service with one set of settings. Short client-side timeouts keep a
 * broker outage from blocking a thread for minutes; the callers retry.
 */
@ApplicationScoped
public class KafkaClients {

    private final EventsConfig config;

    /** Protected for test doubles that inject faults into the clients. */
    protected KafkaClients(EventsConfig config) {
        this.config = config;
    }

    /** Idempotent producer with acks=all: no duplicates from its own retries, order kept per partition. */
    public KafkaProducer<String, byte[]> producer(String clientId) {
        Properties p = common(clientId);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        p.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, "5");
        p.put(ProducerConfig.LINGER_MS_CONFIG, "0");
        p.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, "5000");
        p.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, "5000");
        p.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, "15000");
        return new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer());
    }

    /** Consumer with manual commits, reading from the start of a topic the group has never read. */
    public KafkaConsumer<String, byte[]> consumer(String clientId, String group) {
        return consumer(clientId, group, 200);
    }

    /** A consumer handing out up to {@code maxPollRecords} per poll (a bulk reader wants more than 200). */
    public KafkaConsumer<String, byte[]> consumer(String clientId, String group, int maxPollRecords) {
        return newConsumer(consumerSettings(clientId, group, maxPollRecords));
    }

    private Properties consumerSettings(String clientId, String group, int maxPollRecords) {
        Properties p = common(clientId);
        p.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, Integer.toString(maxPollRecords));
        p.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, "100");
        return p;
    }

    /**
     * The consumer of a service's live group: with an instance id, a static member, whose restart within
     * the session time-out gets its partitions back without a rebalance. Two live consumers must never
     * share an instance id (the broker fences the older one).
     */
    public KafkaConsumer<String, byte[]> groupMember(String clientId, String group, Optional<String> instanceId) {
        Properties p = consumerSettings(clientId, group, 200);
        instanceId.ifPresent(id -> p.put(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG, id));
        p.put(
                ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG,
                Long.toString(config.consumer().sessionTimeout().toMillis()));
        return newConsumer(p);
    }

    /** Where consumers are made: a test double overrides it to inject faults. */
    protected KafkaConsumer<String, byte[]> newConsumer(Properties settings) {
        return new KafkaConsumer<>(settings, new StringDeserializer(), new ByteArrayDeserializer());
    }

    public Admin admin(String clientId) {
        Properties p = common(clientId);
        p.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "3000");
        p.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "3000");
        return Admin.create(p);
    }

    /** Settings every client shares: where the brokers are, and how to reach them securely when configured. */
    Properties common(String clientId) {
        Properties p = new Properties();
        p.put("bootstrap.servers", config.bootstrapServers());
        p.put("client.id", clientId);
        p.put("reconnect.backoff.max.ms", "1000");
        p.put(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, config.securityProtocol());
        config.ssl().truststoreLocation().ifPresent(location -> {
            p.put(SslConfigs.SSL_TRUSTSTORE_LOCATION_CONFIG, location);
            p.put(SslConfigs.SSL_TRUSTSTORE_TYPE_CONFIG, config.ssl().truststoreType());
            config.ssl().truststorePassword().ifPresent(pw -> p.put(SslConfigs.SSL_TRUSTSTORE_PASSWORD_CONFIG, pw));
        });
        if (config.sasl().username().isPresent()) {
            p.put(SaslConfigs.SASL_MECHANISM, config.sasl().mechanism());
            p.put(
                    SaslConfigs.SASL_JAAS_CONFIG,
                    "org.apache.kafka.common.security.scram.ScramLoginModule required"
                            + " username=\""
                            + jaasQuoted(config.sasl().username().get()) + "\""
                            + " password=\""
                            + jaasQuoted(config.sasl().password().orElse("")) + "\";");
        }
        return p;
    }

    /** A value inside a JAAS option's double quotes: a quote or a backslash in a password must not end it. */
    static String jaasQuoted(String value) {
        return value.replace("\\", "\\\\").replace("\"", "\\\"");
    }
}
