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

    private OldGeneration() {}

    /** Kilobytes of old generation in use right after a full collection of the process. */
    static double afterFullGc(long pid) throws IOException, InterruptedException {
        run("jcmd", Long.toString(pid), "GC.run");
        List<String> lines = run("jstat", "-gc", Long.toString(pid))
                .lines()
                .filter(l -> !l.isBlank())
                .toList();
        List<String> header = List.of(lines.get(0).trim().split("\\s+"));
        String[] values = lines.get(1).trim().split("\\s+");
        return Double.parseDouble(values[header.indexOf("OU")]);
    }

    /** The key under which {@link #liveBytesPerClass} gives the total of all live objects. */
    static final String TOTAL = "(total)";

    /**
     * Bytes held per class among the live objects (the command collects first), largest first, and
     * their total under {@link #TOTAL}: what the process retains, whichever generation holds it.
     */
    static java.util.Map<String, Long> liveBytesPerClass(long pid) throws IOException, InterruptedException {
        java.util.Map<String, Long> bytes = new java.util.LinkedHashMap<>();
        for (String line :
                run("jcmd", Long.toString(pid), "GC.class_histogram").lines().toList()) {
            // "   1:         12345        678901  java.lang.String (java.base@17)"
            String[] cols = line.trim().split("\\s+");
            if (cols.length >= 4 && cols[0].endsWith(":") && cols[0].length() > 1) {
                bytes.put(cols[3], Long.parseLong(cols[2]));
            } else if (cols.length == 3 && cols[0].equals("Total")) {
                bytes.put(TOTAL, Long.parseLong(cols[2]));
            }
        }
        return bytes;
    }

    /** The classes whose live bytes grew most between two histograms, as "class +N KB". */
    static java.util.List<String> mostGrown(
            java.util.Map<String, Long> before, java.util.Map<String, Long> after, int count) {
        return after.entrySet().stream()
                .map(e -> java.util.Map.entry(e.getKey(), e.getValue() - before.getOrDefault(e.getKey(), 0L)))
                .filter(e -> e.getValue() > 0 && !e.getKey().equals(TOTAL))
                .sorted(java.util.Map.Entry.<String, Long>comparingByValue().reversed())
                .limit(count)
                .map(e -> "`" + e.getKey() + "` +" + e.getValue() / 1024 + " KB")
                .toList();
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
