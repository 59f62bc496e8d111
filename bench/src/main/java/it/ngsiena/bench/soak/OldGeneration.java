package it.ngsiena.bench.soak;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/**
 * The old generation a service keeps after a full collection: what it holds on to. A leak shows as
 * this figure growing while the load stays the same. Asks the JDK's own tools ({@code jcmd GC.run},
 * then {@code jstat -gc}, column OU) of the service's process.
 */
final class OldGeneration {

    private OldGeneration() {
    }

    /** Kilobytes of old generation in use right after a full collection of the process. */
    static double afterFullGc(long pid) throws IOException, InterruptedException {
        run("jcmd", Long.toString(pid), "GC.run");
        List<String> lines = run("jstat", "-gc", Long.toString(pid)).lines().filter(l -> !l.isBlank()).toList();
        List<String> header = List.of(lines.get(0).trim().split("\\s+"));
        String[] values = lines.get(1).trim().split("\\s+");
        return Double.parseDouble(values[header.indexOf("OU")]);
    }

    private static String run(String tool, String... args) throws IOException, InterruptedException {
        List<String> command = new java.util.ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", tool).toString());
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new IOException(String.join(" ", command) + " failed: " + out);
        }
        return out;
    }
}
