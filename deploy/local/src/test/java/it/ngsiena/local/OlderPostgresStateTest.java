package it.ngsiena.local;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import it.ngsiena.infra.Ports;
import it.ngsiena.infra.PostgresServer;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A state folder kept from before PostgreSQL's upgrade stops the start with what to do, not a server log line. */
class OlderPostgresStateTest {

    @Test
    void dataOfAnotherMajorIsRefusedWithWhatToDo(@TempDir Path data) throws Exception {
        Files.writeString(data.resolve("PG_VERSION"), "14\n");
        assertThatThrownBy(() -> PostgresServer.start(Ports.free(), data))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("made by PostgreSQL 14; this platform runs " + PostgresServer.MAJOR)
                .hasMessageContaining("remove the folder");
    }
}
