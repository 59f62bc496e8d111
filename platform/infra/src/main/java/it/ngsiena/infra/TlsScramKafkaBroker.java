package it.ngsiena.infra;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;

/**
 * A broker whose clients must come as production's do: over TLS, signed in as a SCRAM-SHA-512 user (as
 * a Strimzi cluster's TLS listener with SCRAM users wants). Its certificate, for 127.0.0.1, is made for
 * the run with the JDK's keytool; {@link #caCertificate()} is the PEM file clients trust. A plaintext
 * listener stays for setting up users and topics only.
 */
public final class TlsScramKafkaBroker implements AutoCloseable {

    private static final String LISTENER = "SECURE";

    private final KafkaBroker broker;
    private final int securePort;
    private final Path dir;
    private final Path caCertificate;

    private TlsScramKafkaBroker(KafkaBroker broker, int securePort, Path dir, Path caCertificate) {
        this.broker = broker;
        this.securePort = securePort;
        this.dir = dir;
        this.caCertificate = caCertificate;
    }

    public static TlsScramKafkaBroker start() {
        try {
            Path dir = Files.createTempDirectory("ngs-kafka-tls");
            String storePassword = UUID.randomUUID().toString(); // made for this run only
            Path keystore = dir.resolve("broker.p12");
            keytool(
                    "-genkeypair",
                    "-alias",
                    "broker",
                    "-keyalg",
                    "EC",
                    "-groupname",
                    "secp256r1",
                    "-dname",
                    "CN=127.0.0.1",
                    "-ext",
                    "SAN=ip:127.0.0.1",
                    "-validity",
                    "2",
                    "-storetype",
                    "PKCS12",
                    "-keystore",
                    keystore.toString(),
                    "-storepass",
                    storePassword,
                    "-keypass",
                    storePassword);
            Path ca = writePem(keystore, storePassword, dir.resolve("ca.crt"));

            int port = Ports.free();
            int controllerPort = Ports.free();
            int securePort = Ports.free();
            String prefix = "listener.name." + LISTENER.toLowerCase(java.util.Locale.ROOT) + ".";
            Map<String, String> settings = Map.of(
                    "listeners",
                    "PLAINTEXT://127.0.0.1:" + port + "," + LISTENER + "://127.0.0.1:" + securePort
                            + ",CONTROLLER://127.0.0.1:" + controllerPort,
                    "advertised.listeners",
                    "PLAINTEXT://127.0.0.1:" + port + "," + LISTENER + "://127.0.0.1:" + securePort,
                    "listener.security.protocol.map",
                    "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT," + LISTENER + ":SASL_SSL",
                    prefix + "sasl.enabled.mechanisms",
                    "SCRAM-SHA-512",
                    prefix + "scram-sha-512.sasl.jaas.config",
                    "org.apache.kafka.common.security.scram.ScramLoginModule required;",
                    prefix + "ssl.keystore.type",
                    "PKCS12",
                    prefix + "ssl.keystore.location",
                    keystore.toString(),
                    prefix + "ssl.keystore.password",
                    storePassword,
                    prefix + "ssl.key.password",
                    storePassword);
            KafkaBroker broker = KafkaBroker.start(port, controllerPort, dir.resolve("data"), settings);
            return new TlsScramKafkaBroker(broker, securePort, dir, ca);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Where the clients connect: the TLS + SCRAM listener. */
    public String bootstrapServers() {
        return "127.0.0.1:" + securePort;
    }

    /** The broker's self-signed certificate in PEM: the authority the clients trust. */
    public Path caCertificate() {
        return caCertificate;
    }

    /** Creates a SCRAM-SHA-512 user and waits until the TLS listener accepts it. */
    public void addUser(String name, String password) {
        Properties plain = new Properties();
        plain.put("bootstrap.servers", broker.bootstrapServers());
        try (Admin admin = Admin.create(plain)) {
            admin.alterUserScramCredentials(List.of(new UserScramCredentialUpsertion(
                            name, new ScramCredentialInfo(ScramMechanism.SCRAM_SHA_512, 4096), password)))
                    .all()
                    .get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("cannot create the SCRAM user " + name, e);
        }
        awaitSignIn(name, password);
    }

    /** The credentials reach the listener through the metadata log, a moment after they are stored. */
    private void awaitSignIn(String name, String password) {
        Properties secure = new Properties();
        secure.put("bootstrap.servers", bootstrapServers());
        secure.put("security.protocol", "SASL_SSL");
        secure.put("sasl.mechanism", "SCRAM-SHA-512");
        secure.put(
                "sasl.jaas.config",
                "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"" + quoted(name)
                        + "\" password=\"" + quoted(password) + "\";");
        secure.put("ssl.truststore.type", "PEM");
        secure.put("ssl.truststore.location", caCertificate.toString());
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (true) {
            try (Admin admin = Admin.create(secure)) {
                admin.describeCluster().clusterId().get(5, TimeUnit.SECONDS);
                return;
            } catch (Exception e) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("the TLS listener never accepted " + name, e);
                }
            }
            sleep(200);
        }
    }

    private static String quoted(String jaasValue) {
        return jaasValue.replace("\\", "\\\\").replace("\"", "\\\"");
    }

    @Override
    public void close() {
        broker.close();
        Directories.deleteRecursively(dir);
    }

    private static void keytool(String... args) {
        Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        try {
            List<String> command = new java.util.ArrayList<>(List.of(keytool.toString()));
            command.addAll(List.of(args));
            Process process =
                    new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException("keytool failed: " + output);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Path writePem(Path keystore, String password, Path pem) throws IOException {
        try (InputStream in = Files.newInputStream(keystore)) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, password.toCharArray());
            String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                    .encodeToString(store.getCertificate("broker").getEncoded());
            return Files.writeString(pem, "-----BEGIN CERTIFICATE-----\n" + body + "\n-----END CERTIFICATE-----\n");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot read the broker's certificate", e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
