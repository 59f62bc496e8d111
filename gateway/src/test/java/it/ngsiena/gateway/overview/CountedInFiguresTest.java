package it.ngsiena.gateway.overview;

import static org.assertj.core.api.Assertions.assertThat;

import it.ngsiena.contracts.EventCatalog;
import it.ngsiena.contracts.EventType;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * The catalogue says which event types the municipal overview's figures count ({@link EventType#countedInFigures});
 * {@link ProgrammeFigures} is what counts them. The types it names are compiled into its class as constants,
 * so its class file shows which ones it reads: the two must agree.
 */
class CountedInFiguresTest {

    @Test
    void theFiguresReadExactlyTheTypesTheCatalogueSaysTheyCount() throws Exception {
        String compiled;
        try (InputStream in = ProgrammeFigures.class.getResourceAsStream("ProgrammeFigures.class")) {
            compiled = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        }
        var read = EventCatalog.PLATFORM.types().stream()
                .filter(type -> compiled.contains(type.name()))
                .map(EventType::name)
                .toList();
        var counted = EventCatalog.PLATFORM.types().stream()
                .filter(EventType::countedInFigures)
                .map(EventType::name)
                .toList();
        assertThat(read).isNotEmpty().containsExactlyInAnyOrderElementsOf(counted);
    }
}
