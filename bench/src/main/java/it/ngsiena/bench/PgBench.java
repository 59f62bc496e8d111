package it.ngsiena.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The limits of the platform's PostgreSQL server, measured with pgbench (Debian's PostgreSQL packages)
 * on the same server, in a database of its own: read-only point selects, and one INSERT per transaction.
 */
final class PgBench {

    private static final Pattern TPS = Pattern.compile("tps = ([\\d.]+) \\(without initial connection time\\)");
    private static final String DATABASE = "pgbench";

    private final int port;
    private final Path work;

    private PgBench(int port, Path work) {
        this.port = port;
        this.work = work;
    }

    /** Creates and fills the pgbench database (scale 5: half a million accounts, well within memory). */
    static PgBench prepare(int port, Path work) throws Exception {
        PgBench bench = new PgBench(port, work);
        Command.run(
                List.of(
                        "psql",
                        "-h",
                        "127.0.0.1",
                        "-p",
                        Integer.toString(port),
                        "-U",
                        "postgres",
                        "-d",
                        "postgres",
                        "-c",
                        "drop database if exists " + DATABASE,
                        "-c",
                        "create database " + DATABASE),
                Map.of(),
                Duration.ofMinutes(1));
        bench.pgbench(List.of("-i", "-q", "-s", "5"), Duration.ofMinutes(5));
        Files.createDirectories(work);
        Files.writeString(work.resolve("insert.sql"), """
                \\set aid random(1, 500000)
                \\set delta random(-5000, 5000)
                insert into pgbench_history (tid, bid, aid, delta, mtime) values (1, 1, :aid, :delta, current_timestamp);
                """);
        return bench;
    }

    /** TPS of {@code pgbench -S} (one primary-key select per transaction). */
    double selectOnly(int clients, Duration duration) {
        return tps(pgbench(
                List.of(
                        "-S",
                        "-n",
                        "-c",
                        Integer.toString(clients),
                        "-j",
                        "2",
                        "-T",
                        Long.toString(duration.toSeconds())),
                duration.plusSeconds(60)));
    }

    /** TPS of one INSERT per transaction. */
    double inserts(int clients, Duration duration) {
        return tps(pgbench(
                List.of(
                        "-n",
                        "-f",
                        work.resolve("insert.sql").toString(),
                        "-c",
                        Integer.toString(clients),
                        "-j",
                        "2",
                        "-T",
                        Long.toString(duration.toSeconds())),
                duration.plusSeconds(60)));
    }

    private String pgbench(List<String> args, Duration timeout) {
        List<String> command =
                new ArrayList<>(List.of("pgbench", "-h", "127.0.0.1", "-p", Integer.toString(port), "-U", "postgres"));
        command.addAll(args);
        command.add(DATABASE);
        return Command.run(command, Map.of(), timeout);
    }

    private static double tps(String out) {
        Matcher m = TPS.matcher(out);
        if (!m.find()) {
            throw new IllegalStateException("cannot read pgbench's output:\n" + out);
        }
        return Double.parseDouble(m.group(1));
    }
}
