package it.ngsiena.comms.notification;

import static org.assertj.core.api.Assertions.assertThat;

import it.ngsiena.contracts.EventCatalog;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** docs/notifications.md's table is the rules the service applies, row for row, and names only catalogued types. */
class NotificationRulesTest {

    @Test
    void theDocumentedTableIsTheRules() throws Exception {
        Map<String, String> documented = new LinkedHashMap<>();
        for (String line : Files.readAllLines(Path.of("../docs/notifications.md"))) {
            if (line.startsWith("| it.ngsiena.")) {
                String[] cells = line.split("\\|");
                documented.put(cells[1].strip(), cells[2].strip() + " | " + cells[3].strip());
            }
        }
        Map<String, String> applied = new LinkedHashMap<>();
        NotificationRules.all()
                .forEach((type, rule) -> applied.put(
                        type,
                        rule.category() + " | "
                                + rule.told().stream().map(Enum::name).collect(Collectors.joining(", "))));
        assertThat(documented).containsExactlyEntriesOf(applied);
        assertThat(applied.keySet())
                .allSatisfy(type -> assertThat(EventCatalog.PLATFORM.knows(type))
                        .as(type + " is catalogued")
                        .isTrue());
    }
}
