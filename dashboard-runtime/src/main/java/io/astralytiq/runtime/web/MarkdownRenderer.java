package io.astralytiq.runtime.web;

import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.springframework.stereotype.Component;

/**
 * Markdown of text panels to HTML. Raw HTML in the Markdown is escaped, not passed through, and link targets such
 * as javascript: are dropped, so a definition cannot inject script into the page.
 */
@Component
class MarkdownRenderer {

  private final Parser parser = Parser.builder().build();
  private final HtmlRenderer renderer = HtmlRenderer.builder().escapeHtml(true).sanitizeUrls(true).build();

  String toHtml(String markdown) {
    return renderer.render(parser.parse(markdown == null ? "" : markdown));
  }
}
