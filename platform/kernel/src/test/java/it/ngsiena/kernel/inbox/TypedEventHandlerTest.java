package it.ngsiena.kernel.inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import it.ngsiena.contracts.participation.NeedPrioritised;
import it.ngsiena.contracts.participation.NeedRejected;
import it.ngsiena.kernel.events.IncomingEvent;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TypedEventHandlerTest {

    record NotAnEvent(String x) {}

    static IncomingEvent event(String type, String json) throws Exception {
        return new IncomingEvent(
                "e-1",
                type,
                "/participation-service",
                "s",
                OffsetDateTime.now(),
                "ngs.participation.v1",
                new com.fasterxml.jackson.databind.ObjectMapper().readTree(json));
    }

    @Test
    void anEventReachesTheActionOfItsRecordDecodedAndOthersPass() throws Exception {
        List<String> seen = new ArrayList<>();
        TypedEventHandler handler = new TypedEventHandler() {
            {
                on(NeedPrioritised.class, (event, need) -> seen.add(event.id() + ":" + need.title()));
            }
        };
        handler.handle(event(NeedPrioritised.TYPE, "{\"title\":\"Sportello\",\"municipalities\":[\"052032\"]}"));
        handler.handle(event(NeedRejected.TYPE, "{}"));
        handler.handle(event("it.ngsiena.participation.unknown.v1", "{}"));
        assertThat(seen).containsExactly("e-1:Sportello");
    }

    @Test
    void onlyCataloguedRecordsCanBeHandled() {
        assertThatThrownBy(() -> new TypedEventHandler() {
                    {
                        on(NotAnEvent.class, (event, x) -> {});
                    }
                })
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not in the event catalogue");
    }
}
