package it.ngsiena.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.restassured.http.ContentType;
import it.ngsiena.local.LocalPlatform;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Two replicas of the gateway, as the production overlay runs them: one database, one Kafka group. Both
 * answer from the same feed; when the one consuming the events crashes, the other takes its partitions
 * over after the group's session time-out, and every event is in the feed once.
 */
@ExtendWith(RunningPlatform.class)
class ReplicasE2ETest {

    static LocalPlatform platform;

    @BeforeAll
    static void usePlatform() {
        platform = RunningPlatform.platform();
        PlatformE2ETest.usePlatform();
    }

    @Test
    void whenTheGatewayConsumingTheEventsCrashesTheOtherReplicaTakesOverWithoutLossOrDuplicates() throws Exception {
        String token = PlatformE2ETest.user("officer-siena");
        String second = platform.startReplica("gateway");
        boolean firstKilled = false;
        try {
            String replica = platform.serviceUrl(second);
            await().atMost(Duration.ofSeconds(60))
                    .pollInterval(Duration.ofMillis(500))
                    .untilAsserted(() -> assertThat(groupMembers("gateway"))
                            .as("members of the gateway's group")
                            .isEqualTo(2));

            List<String> needs = new ArrayList<>(write(replica, token, "Prima del guasto", 5));
            awaitEachOnce(replica, token, needs, Duration.ofSeconds(30));

            System.out.println("[replicas] partitions before the crash: " + assignment("gateway"));
            platform.kill("gateway"); // SIGKILL: a crash, no leaving the group
            firstKilled = true;
            long killed = System.nanoTime();
            needs.addAll(write(replica, token, "Dopo il guasto", 5));
            awaitEachOnce(replica, token, needs, Duration.ofSeconds(60));
            System.out.printf(
                    "[replicas] the other gateway had the events written after the crash in its feed"
                            + " %.1f s after the kill%n",
                    (System.nanoTime() - killed) / 1e9);

            platform.start("gateway");
            firstKilled = false;
            platform.stop(second); // a scale-down: the replica leaves the group
            String first = platform.gatewayUrl();
            needs.addAll(write(first, token, "Dopo il ritorno", 2));
            awaitEachOnce(first, token, needs, Duration.ofSeconds(60));
        } finally {
            if (firstKilled) {
                platform.start("gateway");
            }
            stopIfRunning(second);
        }
    }

    private static List<String> write(String gateway, String token, String title, int count) {
        List<String> ids = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            ids.add(given().header("Authorization", token)
                    .contentType(ContentType.JSON)
                    .body(PlatformE2ETest.need(title + " " + i, PlatformE2ETest.SIENA))
                    .when()
                    .post(gateway + "/v1/participation/needs")
                    .then()
                    .statusCode(201)
                    .extract()
                    .path("id"));
        }
        return ids;
    }

    /** Waits until every need has its event in the feed, then checks none is there twice. */
    private static void awaitEachOnce(String gateway, String token, List<String> needs, Duration within) {
        await().atMost(within)
                .pollInterval(Duration.ofMillis(500))
                .untilAsserted(
                        () -> assertThat(timesInFeed(gateway, token, needs).keySet())
                                .as("needs whose event is in the feed of %s", gateway)
                                .containsAll(needs));
        assertThat(timesInFeed(gateway, token, needs))
                .as("events per need")
                .allSatisfy((need, times) -> assertThat(times).as(need).isEqualTo(1L));
    }

    private static Map<String, Long> timesInFeed(String gateway, String token, List<String> needs) {
        List<String> subjects = given().header("Authorization", token)
                .queryParam("type", PlatformE2ETest.SUBMITTED)
                .queryParam("limit", 100)
                .when()
                .get(gateway + "/v1/activity")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("items.subject", String.class);
        return subjects.stream()
                .filter(needs::contains)
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
    }

    private static int groupMembers(String group) throws Exception {
        Properties p = new Properties();
        p.put("bootstrap.servers", platform.kafkaBootstrapServers());
        try (Admin admin = Admin.create(p)) {
            return admin.describeConsumerGroups(List.of(group))
                    .all()
                    .get(10, TimeUnit.SECONDS)
                    .get(group)
                    .members()
                    .size();
        }
    }

    /** Which member (by client host and id) has which partitions. */
    private static String assignment(String group) throws Exception {
        Properties p = new Properties();
        p.put("bootstrap.servers", platform.kafkaBootstrapServers());
        try (Admin admin = Admin.create(p)) {
            return admin
                    .describeConsumerGroups(List.of(group))
                    .all()
                    .get(10, TimeUnit.SECONDS)
                    .get(group)
                    .members()
                    .stream()
                    .map(m -> m.groupInstanceId().orElse(m.consumerId()) + "="
                            + m.assignment().topicPartitions())
                    .toList()
                    .toString();
        }
    }

    private static void stopIfRunning(String instance) {
        try {
            platform.stop(instance);
        } catch (IllegalArgumentException alreadyStopped) {
            // stopped by the test
        }
    }
}
