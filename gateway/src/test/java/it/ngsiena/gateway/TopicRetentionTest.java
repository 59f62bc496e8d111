package it.ngsiena.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import it.ngsiena.contracts.EventSource;
import it.ngsiena.contracts.TopicRetention;
import it.ngsiena.testkit.PlatformTestResource;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * The broker the gateway rebuilds from keeps every event of every source for ever, and dead letters a
 * year, read from the broker's own description of its topics (the local and test brokers are set up as
 * the launcher sets them up: KafkaBroker.createTopics).
 */
@QuarkusTest
@WithTestResource(PlatformTestResource.class)
@WithTestResource(FakeServicesResource.class)
class TopicRetentionTest {

    @ConfigProperty(name = "ngs.events.bootstrap-servers")
    String bootstrapServers;

    @Test
    void everySourcesTopicKeepsItsEventsForEverOnTheBroker() throws Exception {
        Properties p = new Properties();
        p.put("bootstrap.servers", bootstrapServers);
        try (Admin admin = Admin.create(p)) {
            List<ConfigResource> topics = EventSource.all().stream()
                    .flatMap(s -> Stream.of(s.topic(), s.deadLetterTopic()))
                    .map(t -> new ConfigResource(ConfigResource.Type.TOPIC, t))
                    .toList();
            Map<ConfigResource, Config> described =
                    admin.describeConfigs(topics).all().get(30, TimeUnit.SECONDS);
            for (EventSource source : EventSource.all()) {
                assertThat(retention(described, source.topic()))
                        .as(source.topic())
                        .isEqualTo("-1");
                assertThat(retention(described, source.deadLetterTopic()))
                        .as(source.deadLetterTopic())
                        .isEqualTo(TopicRetention.DEAD_LETTERS)
                        .isEqualTo("31536000000");
            }
        }
    }

    private static String retention(Map<ConfigResource, Config> described, String topic) {
        return described
                .get(new ConfigResource(ConfigResource.Type.TOPIC, topic))
                .get(TopicConfig.RETENTION_MS_CONFIG)
                .value();
    }
}
