package it.ngsiena.testkit;

import it.ngsiena.infra.KafkaBroker;
import java.lang.management.ManagementFactory;
import javax.management.MBeanServer;
import javax.management.ObjectName;

/**
 * Stops and starts the test run's Kafka broker from a test. Quarkus may load the test class and the
 * test resource in different class loaders, so the broker is reached through the JVM's platform
 * MBean server, which both see.
 */
public final class TestBroker {

    private static final String NAME = "it.ngsiena.testkit:type=TestBroker";

    private TestBroker() {}

    /** The operations a test may call on the broker. */
    public interface ControlMBean {
        void start();

        void stop();
    }

    /** Adapts a broker to its MBean. */
    public static final class Control implements ControlMBean {
        private final KafkaBroker broker;

        Control(KafkaBroker broker) {
            this.broker = broker;
        }

        @Override
        public void start() {
            broker.start();
        }

        @Override
        public void stop() {
            broker.stop();
        }
    }

    static void register(KafkaBroker broker) {
        try {
            MBeanServer server = ManagementFactory.getPlatformMBeanServer();
            ObjectName name = new ObjectName(NAME);
            if (server.isRegistered(name)) {
                server.unregisterMBean(name);
            }
            server.registerMBean(new Control(broker), name);
        } catch (Exception e) {
            throw new IllegalStateException("cannot register the test broker control", e);
        }
    }

    static void unregister() {
        try {
            MBeanServer server = ManagementFactory.getPlatformMBeanServer();
            ObjectName name = new ObjectName(NAME);
            if (server.isRegistered(name)) {
                server.unregisterMBean(name);
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public static void stop() {
        invoke("stop");
    }

    public static void start() {
        invoke("start");
    }

    private static void invoke(String operation) {
        try {
            ManagementFactory.getPlatformMBeanServer()
                    .invoke(new ObjectName(NAME), operation, new Object[0], new String[0]);
        } catch (Exception e) {
            throw new IllegalStateException("test broker " + operation + " failed", e);
        }
    }
}
