package it.ngsiena.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import it.ngsiena.contracts.programme.MembershipChanged;
import it.ngsiena.contracts.programme.WebhookSubscriptionSuspended;
import java.util.List;
import org.junit.jupiter.api.Test;

class EventSourceTest {

    @Test
    void theProgrammeIsASourceBesideTheWorkstreams() {
        assertThat(EventSource.all()).hasSize(5).contains(Workstream.TRAINING, Programme.EVENTS);
        assertThat(Programme.EVENTS.topic()).isEqualTo("ngs.programme.v1");
        assertThat(Programme.EVENTS.source()).isEqualTo("/gateway");
        assertThat(EventSource.ofEventType(MembershipChanged.TYPE)).contains(Programme.EVENTS);
        assertThat(EventSource.fromId("programme")).contains(Programme.EVENTS);
        assertThat(Workstream.PARTICIPATION.topic()).isEqualTo("ngs.participation.v1");
    }

    @Test
    void aMembershipIsPublicAndASuspensionReachesItsOwnerAndTheAdminOnly() {
        assertThat(EventCatalog.PLATFORM.readers(MembershipChanged.TYPE, List.of("052015"), null))
                .containsExactly(Readers.ANYONE);
        assertThat(EventCatalog.PLATFORM.readers(WebhookSubscriptionSuspended.TYPE, List.of(), "officer:052015"))
                .containsExactlyInAnyOrder(Readers.ADMIN, "officer:052015");
        assertThat(EventCatalog.PLATFORM.readers(WebhookSubscriptionSuspended.TYPE, List.of(), "partner:training"))
                .containsExactlyInAnyOrder(Readers.ADMIN, "partner:training");
        // an addressee cannot widen a notice to everyone
        assertThat(EventCatalog.PLATFORM.readers(WebhookSubscriptionSuspended.TYPE, List.of(), Readers.ANYONE))
                .containsExactly(Readers.ADMIN);
        assertThat(EventCatalog.PLATFORM.readers(WebhookSubscriptionSuspended.TYPE, List.of(), null))
                .containsExactly(Readers.ADMIN);
        // the programme's editors-only events would have no partner
        assertThat(Visibility.EDITORS.readers(Programme.EVENTS, List.of(), null))
                .containsExactly(Readers.ADMIN);
    }
}
