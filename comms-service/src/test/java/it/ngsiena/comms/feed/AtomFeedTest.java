package it.ngsiena.comms.feed;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import it.ngsiena.comms.announcement.AnnouncementStatus;
import it.ngsiena.comms.announcement.AnnouncementTest;
import it.ngsiena.comms.announcement.Audience;
import it.ngsiena.testkit.MailServerResource;
import it.ngsiena.testkit.PlatformTestResource;
import java.io.StringReader;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The Atom feed, read back with ROME as a feed reader would. */
@QuarkusTest
@WithTestResource(PlatformTestResource.class)
@WithTestResource(MailServerResource.class)
class AtomFeedTest {

    @Test
    void theFeedIsAtomWithThePublicPublishedAnnouncementsOnly() throws Exception {
        String tag = "feed-" + UUID.randomUUID().toString().substring(0, 8);
        UUID published = AnnouncementTest.stored(
                AnnouncementStatus.PUBLISHED,
                Audience.PUBLIC,
                tag,
                "Testo con <script>alert(1)</script> e [link](javascript:alert(1))");
        UUID draft = AnnouncementTest.stored(AnnouncementStatus.DRAFT, Audience.PUBLIC, tag, "Bozza");
        UUID partners = AnnouncementTest.stored(AnnouncementStatus.PUBLISHED, Audience.PARTNERS, tag, "Partner");
        UUID archived = AnnouncementTest.stored(AnnouncementStatus.ARCHIVED, Audience.PUBLIC, tag, "Archiviato");

        var response = given().queryParam("tag", tag)
                .when()
                .get("/v1/comms/announcements.atom")
                .then()
                .statusCode(200)
                .contentType("application/atom+xml")
                .extract()
                .asString();
        SyndFeed feed = new SyndFeedInput().build(new StringReader(response));
        assertThat(feed.getFeedType()).isEqualTo("atom_1.0");
        assertThat(feed.getUri()).endsWith("/v1/comms/announcements.atom");
        assertThat(feed.getPublishedDate()).isNotNull();
        assertThat(feed.getEntries())
                .extracting(SyndEntry::getUri)
                .containsExactly("urn:uuid:" + published)
                .doesNotContain("urn:uuid:" + draft, "urn:uuid:" + partners, "urn:uuid:" + archived);
        SyndEntry entry = feed.getEntries().get(0);
        assertThat(entry.getLink()).endsWith("/v1/comms/announcements/" + published);
        assertThat(entry.getUpdatedDate()).isNotNull();
        assertThat(entry.getCategories()).extracting(c -> c.getName()).contains(tag);
        assertThat(entry.getContents().get(0).getType()).isEqualTo("html");
        assertThat(entry.getContents().get(0).getValue())
                .contains("&lt;script&gt;")
                .doesNotContain("<script>")
                .doesNotContain("javascript:");
    }
}
