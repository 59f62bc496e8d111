package it.ngsiena.comms;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import it.ngsiena.testkit.MailServerResource;
import it.ngsiena.testkit.OpenApiContract;
import it.ngsiena.testkit.PlatformTestResource;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The comms contract that portals and Ananse's CMS build on. */
@QuarkusTest
@WithTestResource(PlatformTestResource.class)
@WithTestResource(MailServerResource.class)
class OpenApiDocumentTest {

    @Test
    void everyOperationIsNamedSummarisedSecuredAndHasItsErrors() {
        JsonPath doc = OpenApiContract.document();
        assertThat(OpenApiContract.gaps(
                        doc,
                        Set.of(
                                "/v1/comms/announcements",
                                "/v1/comms/announcements/{id}",
                                "/v1/comms/announcements.atom",
                                "/v1/comms/calendar",
                                "/v1/comms/calendar.ics",
                                "/v1/comms/subscribers",
                                "/v1/comms/subscribers/confirm",
                                "/v1/comms/subscribers/unsubscribe",
                                "/v1/comms/labels")))
                .isEmpty();
        assertThat(doc.getList("paths.'/v1/comms/subscribers'.get.'x-roles'"))
                .containsExactlyInAnyOrder("comms-partner", "programme-admin");
        assertThat(doc.getList("paths.'/v1/comms/announcements/{id}/publish'.post.'x-roles'"))
                .containsExactlyInAnyOrder("comms-partner", "programme-admin");
        assertThat(doc.getMap("components.schemas"))
                .containsKeys("Announcement", "AnnouncementRequest", "CalendarEntry", "Problem");
    }
}
