package it.ngsiena.comms.feed;

import it.ngsiena.comms.announcement.Announcement;
import it.ngsiena.comms.announcement.AnnouncementService;
import it.ngsiena.comms.announcement.Audience;
import it.ngsiena.kernel.paging.PageRequest;
import it.ngsiena.kernel.text.MarkdownRenderer;
import jakarta.annotation.security.PermitAll;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.io.StringWriter;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Set;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The public announcements as an Atom 1.0 feed (RFC 4287) for portals and feed readers. */
@Path("/v1/comms")
@Tag(name = "Announcements")
public class AtomFeedResource {

    private static final String ATOM = "http://www.w3.org/2005/Atom";
    private static final int ENTRIES = 50;

    private final AnnouncementService announcements;
    private final MarkdownRenderer markdown;
    private final String baseUrl;

    AtomFeedResource(
            AnnouncementService announcements,
            MarkdownRenderer markdown,
            @ConfigProperty(name = "ngs.comms.public-base-url") String baseUrl) {
        this.announcements = announcements;
        this.markdown = markdown;
        this.baseUrl = baseUrl.replaceAll("/+$", "");
    }

    @GET
    @Path("/announcements.atom")
    @PermitAll
    @Produces("application/atom+xml")
    @Operation(
            operationId = "announcementsAtomFeed",
            summary = "Public announcements as an Atom 1.0 feed",
            description = "Anonymous; the latest 50 published PUBLIC announcements, newest first, bodies as safe HTML.")
    @APIResponse(
            responseCode = "200",
            description = "application/atom+xml",
            content =
                    @Content(
                            mediaType = "application/atom+xml",
                            schema = @Schema(type = SchemaType.STRING),
                            example = """
                    <?xml version="1.0" encoding="UTF-8"?><feed xmlns="http://www.w3.org/2005/Atom">\
                    <id>https://api.ngsiena.example/v1/comms/announcements.atom</id>\
                    <title>Next Generation Siena: notizie del programma</title><updated>2022-10-05T10:00:00Z</updated>\
                    <author><name>Ananse Communication per Next Generation Siena</name></author>\
                    <link rel="self" href="https://api.ngsiena.example/v1/comms/announcements.atom"/>\
                    <entry><id>urn:uuid:3fa85f64-5717-4562-b3fc-2c963f66afa6</id><title>Studio completato</title>\
                    <published>2022-10-05T10:00:00Z</published><updated>2022-10-05T10:00:00Z</updated>\
                    <link rel="alternate" href="https://api.ngsiena.example/v1/comms/announcements/3fa85f64-5717-4562-b3fc-2c963f66afa6"/>\
                    <category term="fattibilità"/><summary>Lo studio sulla navetta è concluso.</summary>\
                    <content type="html">&lt;p&gt;Lo studio sulla navetta intercomunale è concluso.&lt;/p&gt;</content>\
                    </entry></feed>"""))
    @APIResponse(responseCode = "400", description = "Invalid filter")
    public Response feed(
            @Parameter(description = "Only announcements in this language: it or en")
                    @QueryParam("language")
                    @Pattern(regexp = "it|en", message = "must be it or en")
                    String language,
            @Parameter(description = "Only announcements with this tag") @QueryParam("tag") String tag)
            throws XMLStreamException {
        List<Announcement> items = announcements
                .list(
                        new AnnouncementService.Filter(tag, null, language, null, null),
                        Set.of(Audience.PUBLIC),
                        false,
                        PageRequest.of(0, ENTRIES))
                .items();
        return Response.ok(write(items), "application/atom+xml; charset=utf-8").build();
    }

    private String write(List<Announcement> items) throws XMLStreamException {
        StringWriter out = new StringWriter();
        XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
        xml.writeStartDocument("UTF-8", "1.0");
        xml.writeStartElement("feed");
        xml.writeDefaultNamespace(ATOM);
        element(xml, "id", baseUrl + "/v1/comms/announcements.atom");
        element(xml, "title", "Next Generation Siena: notizie del programma");
        element(
                xml,
                "updated",
                time(items.isEmpty() ? OffsetDateTime.parse("2022-03-24T00:00:00Z") : items.get(0).publishedAt));
        xml.writeStartElement("author");
        element(xml, "name", "Ananse Communication per Next Generation Siena");
        xml.writeEndElement();
        link(xml, "self", baseUrl + "/v1/comms/announcements.atom");
        for (Announcement a : items) {
            xml.writeStartElement("entry");
            element(xml, "id", "urn:uuid:" + a.id);
            element(xml, "title", a.title);
            element(xml, "published", time(a.publishedAt));
            element(xml, "updated", time(a.updatedAt.isAfter(a.publishedAt) ? a.updatedAt : a.publishedAt));
            link(xml, "alternate", baseUrl + "/v1/comms/announcements/" + a.id);
            for (String tag : a.tags) {
                xml.writeEmptyElement("category");
                xml.writeAttribute("term", tag);
            }
            if (a.summary != null) {
                element(xml, "summary", a.summary);
            }
            xml.writeStartElement("content");
            xml.writeAttribute("type", "html");
            xml.writeCharacters(xmlText(markdown.toSafeHtml(a.body)));
            xml.writeEndElement();
            xml.writeEndElement();
        }
        xml.writeEndElement();
        xml.writeEndDocument();
        xml.close();
        return out.toString();
    }

    private static void element(XMLStreamWriter xml, String name, String text) throws XMLStreamException {
        xml.writeStartElement(name);
        xml.writeCharacters(xmlText(text));
        xml.writeEndElement();
    }

    /**
     * Text without the characters XML 1.0 cannot hold even escaped (controls other than tab and line
     * breaks, U+FFFE, U+FFFF, lone surrogates): the feed stays well-formed whatever the stored text.
     */
    static String xmlText(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints()
                .filter(c -> c == 0x9
                        || c == 0xA
                        || c == 0xD
                        || (c >= 0x20 && c <= 0xD7FF)
                        || (c >= 0xE000 && c <= 0xFFFD)
                        || (c >= 0x10000 && c <= 0x10FFFF))
                .forEach(out::appendCodePoint);
        return out.toString();
    }

    private static void link(XMLStreamWriter xml, String rel, String href) throws XMLStreamException {
        xml.writeEmptyElement("link");
        xml.writeAttribute("rel", rel);
        xml.writeAttribute("href", href);
    }

    private static String time(OffsetDateTime t) {
        return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(t.withOffsetSameInstant(ZoneOffset.UTC));
    }
}
