package it.ngsiena.kernel.text;

import jakarta.enterprise.context.ApplicationScoped;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;

/**
 * Markdown to HTML that a portal can insert as it is (announcements, workshop minutes): raw HTML in the source is escaped (a
 * {@code <script>} comes out as text) and link and image URLs with other schemes than http, https
 * and mailto (e.g. {@code javascript:}) are emptied.
 */
@ApplicationScoped
public class MarkdownRenderer {

    private final Parser parser = Parser.builder().build();
    private final HtmlRenderer renderer =
            HtmlRenderer.builder().escapeHtml(true).sanitizeUrls(true).build();

    public String toSafeHtml(String markdown) {
        return renderer.render(parser.parse(markdown));
    }
}
