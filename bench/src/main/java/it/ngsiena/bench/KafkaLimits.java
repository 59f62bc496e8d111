package it.ngsiena.bench;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The broker's own limits, measured with the Kafka distribution's tools (kafka-tools, own JVM each). */
final class KafkaLimits {

    record Latency(double p50Millis, double p99Millis, double averageMillis) {}

    private static final Pattern PERCENTILES = Pattern.compile("Percentiles: 50th = (\\d+), 99th = (\\d+)");
    private static final Pattern AVERAGE = Pattern.compile("Avg latency: ([\\d.]+) ms");

    private final String bootstrap;

    KafkaLimits(String bootstrap) {
        this.bootstrap = bootstrap;
    }

    /**
     * EndToEndLatency: one message at a time produced (acks=all, as the outbox relay does) and consumed
     * back; the tool reports whole milliseconds.
     */
    Latency endToEnd(int messages, int bytes) {
        String out = Command.java(
                List.of(
                        "org.apache.kafka.tools.EndToEndLatency",
                        bootstrap,
                        "bench.end-to-end-latency",
                        Integer.toString(messages),
                        "all",
                        Integer.toString(bytes)),
                Duration.ofMinutes(5));
        Matcher p = PERCENTILES.matcher(out);
        Matcher avg = AVERAGE.matcher(out);
        if (!p.find() || !avg.find()) {
            throw new IllegalStateException("cannot read EndToEndLatency's output:\n" + out);
        }
        return new Latency(
                Double.parseDouble(p.group(1)), Double.parseDouble(p.group(2)), Double.parseDouble(avg.group(1)));
    }

    /** ConsumerPerformance: messages per second reading a topic from its beginning with a new group. */
    double consumeRate(String topic, long messages) {
        String out = Command.java(
                List.of(
                        "org.apache.kafka.tools.ConsumerPerformance",
                        "--bootstrap-server",
                        bootstrap,
                        "--topic",
                        topic,
                        "--messages",
                        Long.toString(messages),
                        "--group",
                        "bench-" + UUID.randomUUID(),
                        "--timeout",
                        "60000"),
                Duration.ofMinutes(5));
        // a header line, then (among any log lines) one line of as many comma-separated values
        List<String> header = null;
        for (String line : out.strip().split("\n")) {
            String[] fields = line.strip().split(",\\s*");
            if (line.startsWith("start.time")) {
                header = List.of(fields);
            } else if (header != null && fields.length == header.size()) {
                return Double.parseDouble(fields[header.indexOf("nMsg.sec")]);
            }
        }
        throw new IllegalStateException("cannot read ConsumerPerformance's output:\n" + out);
    }
}
