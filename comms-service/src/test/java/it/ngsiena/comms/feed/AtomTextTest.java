package it.ngsiena.comms.feed;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.rometools.rome.io.SyndFeedInput;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import it.ngsiena.comms.announcement.Announcement;
import it.ngsiena.comms.announcement.AnnouncementStatus;
import it.ngsiena.comms.announcement.AnnouncementTest;
import it.ngsiena.comms.announcement.Audience;
import it.ngsiena.testkit.MailServerResource;
import it.ngsiena.testkit.PlatformTestResource;
import java.io.StringReader;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Text the API would refuse today may still be stored (older rows, other writers): the feed stays well-formed XML. */
@QuarkusTest
@WithTestResource(PlatformTestResource.class)
@WithTestResource(MailServerResource.class)
class AtomTextTest {

    @Test
    void charactersXmlCannotHoldAreLeftOut() throws Exception {
        String tag = "xml-" + UUID.randomUUID().toString().substring(0, 8);
        UUID id = AnnouncementTest.stored(
                AnnouncementStatus.PUBLISHED, Audience.PUBLIC, tag, "Corpo\u0001 del\uFFFE testo");
        QuarkusTransaction.requiringNew()
                .run(() -> Announcement.<Announcement>findById(id).title = "Titolo\u0008 con\u001F controlli");
        String xml = given().queryParam("tag", tag)
                .when()
                .get("/v1/comms/announcements.atom")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        var feed = new SyndFeedInput().build(new StringReader(xml));
        assertThat(feed.getEntries().get(0).getTitle()).isEqualTo("Titolo con controlli");
        assertThat(feed.getEntries().get(0).getContents().get(0).getValue()).contains("Corpo del testo");
    }
}
