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

    @Test
    void aPromotionAWaitingPlaceAndANewStatusSaySoInTheTitle() {
        var json = new com.fasterxml.jackson.databind.ObjectMapper();
        String enrolled = it.ngsiena.contracts.training.ParticipantEnrolled.TYPE;
        var rule = NotificationRules.of(enrolled).orElseThrow();
        var promoted = json.createObjectNode().put("status", "ENROLLED").put("promotedFromWaitingList", true);
        assertThat(NotificationRules.titles(rule, enrolled, promoted, "s-1"))
                .containsExactly(
                        "Posto assegnato dalla lista d'attesa nella sessione s-1",
                        "Promoted from the waiting list in session s-1");
        var waiting = json.createObjectNode().put("status", "WAITING");
        assertThat(NotificationRules.titles(rule, enrolled, waiting, "s-1").get(1))
                .isEqualTo("Waiting-list enrolment in session s-1");
        var seat = json.createObjectNode().put("status", "ENROLLED");
        assertThat(NotificationRules.titles(rule, enrolled, seat, "s-1").get(1))
                .isEqualTo("New enrolment in session s-1");
        String changed = it.ngsiena.contracts.participation.NeedStatusChanged.TYPE;
        var moved = json.createObjectNode().put("to", "UNDER_REVIEW");
        assertThat(NotificationRules.titles(NotificationRules.of(changed).orElseThrow(), changed, moved, "n-1"))
                .containsExactly(
                        "Il bisogno n-1 è passato allo stato UNDER_REVIEW", "Need n-1 moved to status UNDER_REVIEW");
    }
}
