package it.ngsiena.local;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The services' JVM options on this machine: the images' own ({@code deploy/container/jvm.options}, the
 * one place they are defined), with the memory the images are given in production
 * ({@code -XX:MaxRAM}, as a container limit would say; the Kubernetes limit is 512Mi), so that the
 * launcher, the end-to-end tests and the benchmarks run what a Province runs.
 * {@code NGS_SERVICE_MEMORY} changes the memory, {@code NGS_SERVICE_JVM_OPTIONS} adds options after
 * these (e.g. {@code -XX:TieredStopAtLevel=1} for the shortest start when throughput does not matter).
 */
final class JvmOptions {

    static final String MEMORY = "NGS_SERVICE_MEMORY";
    static final String EXTRA = "NGS_SERVICE_JVM_OPTIONS";

    private JvmOptions() {}

    static List<String> forServices(Path projectRoot, Map<String, String> env) {
        Path file = projectRoot.resolve("deploy/container/jvm.options");
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException(file + " is missing: the services' JVM options are defined there");
        }
        List<String> options = new ArrayList<>();
        options.add("@" + file.toAbsolutePath());
        options.add("-XX:MaxRAM=" + env.getOrDefault(MEMORY, "512m"));
        String extra = env.getOrDefault(EXTRA, "").trim();
        if (!extra.isEmpty()) {
            options.addAll(Arrays.asList(extra.split("\\s+")));
        }
        return options;
    }
}
