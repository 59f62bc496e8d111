package it.ngsiena.kernel.kafka;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Kafka connection, outbox relay and event consumer settings of a service. */
@ConfigMapping(prefix = "ngs.events")
public interface EventsConfig {

    /** Kafka bootstrap servers (env {@code NGS_EVENTS_BOOTSTRAP_SERVERS}). */
    @WithName("bootstrap-servers")
    @WithDefault("127.0.0.1:9092")
    String bootstrapServers();

    /**
     * How clients reach the brokers: {@code PLAINTEXT} (a private network, the local run), {@code SSL},
     * {@code SASL_SSL} (TLS and a SCRAM user, as a Strimzi cluster's TLS listener wants) or
     * {@code SASL_PLAINTEXT} (env {@code NGS_EVENTS_SECURITY_PROTOCOL}).
     */
    @WithName("security-protocol")
    @WithDefault("PLAINTEXT")
    String securityProtocol();

    Sasl sasl();

    Ssl ssl();

    Relay relay();

    /** The service's Kafka user, when the brokers ask for one (env {@code NGS_EVENTS_SASL_USERNAME}, ...). */
    interface Sasl {
        /** {@code SCRAM-SHA-512} or {@code SCRAM-SHA-256}. */
        @WithDefault("SCRAM-SHA-512")
        String mechanism();

        Optional<String> username();

        Optional<String> password();
    }

    /** The certificate authority the brokers' TLS certificates are checked against (env {@code NGS_EVENTS_SSL_TRUSTSTORE_LOCATION}). */
    interface Ssl {
        @WithName("truststore-location")
        Optional<String> truststoreLocation();

        /** {@code PEM} (a CA certificate file, as Strimzi's cluster CA secret holds it), {@code PKCS12} or {@code JKS}. */
        @WithName("truststore-type")
        @WithDefault("PEM")
        String truststoreType();

        @WithName("truststore-password")
        Optional<String> truststorePassword();
    }

    Consumer consumer();

    interface Relay {
        /** Whether this instance publishes its outbox. */
        @WithDefault("true")
        boolean enabled();

        /** Longest wait between two looks at the outbox when no commit woke the relay. */
        @WithDefault("1s")
        Duration idlePoll();

        @WithDefault("200")
        int batchSize();

        /** How long the relay may go without finishing a loop (a try counts) before liveness reports it stuck. */
        @WithDefault("5m")
        Duration stuckAfter();
    }

    interface Consumer {
        /** Topics this service consumes; none means no consumer runs. */
        Optional<List<String>> topics();

        /** Consumer group, and the name under which handled events are recorded. */
        @WithDefault("ngs")
        String group();

        /**
         * Tries a handler gets for one event (with the database answering) before the event goes to the
         * dead-letter topic with the reason, so that one bad event cannot stop its partition.
         */
        @WithDefault("5")
        int maxAttempts();

        /**
         * A name for this instance that stays the same across its restarts (a StatefulSet pod's name, a
         * compose service's name; env {@code NGS_EVENTS_CONSUMER_INSTANCE_ID}): the consumer then joins
         * as a static member and gets its partitions back at once after a crash. Unset: dynamic
         * membership, where a killed instance's partitions wait for its session to time out. Never give
         * two running instances the same name.
         */
        @WithName("instance-id")
        Optional<String> instanceId();

        /**
         * How long the group waits for a silent member before handing its partitions to another instance
         * (env {@code NGS_EVENTS_CONSUMER_SESSION_TIMEOUT}): after a crash, the other replica's consumer
         * takes over this much later. Shorter than Kafka's 45 s so a crash does not hold the feed for long;
         * long enough that a garbage-collection pause does not move partitions (the broker's minimum is 6 s).
         */
        @WithDefault("15s")
        Duration sessionTimeout();

        /** How long the consumer may go without finishing a loop before liveness reports it stuck. */
        @WithDefault("5m")
        Duration stuckAfter();
    }
}
