package it.ngsiena.bench.faults;

import it.ngsiena.contracts.TopicRetention;
import it.ngsiena.infra.KafkaBroker;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A Kafka broker in a JVM of its own, so that the fault suite can kill it with SIGKILL (an in-process
 * broker would take the suite down with it) and start it again on the same ports and data.
 */
final class BrokerProcess implements AutoCloseable {

    private final int port;
    private final int controllerPort;
    private final Path dataDir;
    private Process process;

    BrokerProcess(int port, int controllerPort, Path dataDir) {
        this.port = port;
        this.controllerPort = controllerPort;
        this.dataDir = dataDir;
    }

    /** The broker's own JVM: starts it, creates the platform's topics, then runs until killed. */
    public static void main(String[] args) throws InterruptedException {
        KafkaBroker broker = KafkaBroker.start(Integer.parseInt(args[0]), Integer.parseInt(args[1]), Path.of(args[2]));
        broker.createTopics(TopicRetention.ofEveryTopic());
        System.out.println("broker ready on " + broker.bootstrapServers());
        Thread.currentThread().join();
    }

    String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    /** Starts the broker's JVM and waits until it takes connections and has its topics. */
    void start() {
        try {
            Files.createDirectories(dataDir);
            Path log = dataDir.resolve("broker.log");
            int logBefore = Files.exists(log) ? Files.readString(log).length() : 0;
            String java =
                    Path.of(System.getProperty("java.home"), "bin", "java").toString();
            process = new ProcessBuilder(List.of(
                            java,
                            "-Xmx512m",
                            "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
                            "-cp",
                            System.getProperty("java.class.path"),
                            BrokerProcess.class.getName(),
                            Integer.toString(port),
                            Integer.toString(controllerPort),
                            dataDir.resolve("data").toString()))
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .start();
            long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
            while (!Files.readString(log).substring(logBefore).contains("broker ready") || !listening()) {
                if (!process.isAlive() || System.nanoTime() > deadline) {
                    throw new IllegalStateException("the Kafka broker did not start; see " + log);
                }
                Thread.sleep(100);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private boolean listening() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** SIGKILL: the broker gets no chance to flush or to tell anyone. */
    void kill() {
        if (process != null) {
            try {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            process = null;
        }
    }

    @Override
    public void close() {
        if (process != null) {
            process.destroy();
            try {
                if (!process.waitFor(20, TimeUnit.SECONDS)) {
                    kill();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                kill();
            }
            process = null;
        }
    }
}
