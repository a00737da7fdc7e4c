package io.astralytiq.runtime.web;

import io.astralytiq.api.v1alpha1.definition.GridPosition;
import io.astralytiq.api.v1alpha1.definition.Panel;
import java.util.Set;
import java.util.TreeSet;

/**
 * What the page template needs of a panel. Grid numbers go into a style attribute; they are integers checked by
 * validation, never text from the definition.
 *
 * @param html sanitised HTML of a text panel, empty otherwise
 */
public record PanelView(String id, String title, String type, String x, String y, String format, String variables,
    String gridStyle, String html, String label) {

  static PanelView of(Panel p, Set<String> variables, String html) {
    GridPosition g = p.getGrid() == null ? new GridPosition() : p.getGrid();
    String style = "grid-column: " + (g.getCol() + 1) + " / span " + g.getWidth() + "; grid-row: " + (g.getRow() + 1)
        + " / span " + g.getHeight() + ";";
    String title = p.getTitle() == null ? p.getId() : p.getTitle();
    return new PanelView(p.getId(), title, p.getType(), p.getX() == null ? "" : p.getX(),
        String.join(",", p.getSeries()), p.getFormat() == null ? "number" : p.getFormat(),
        String.join(",", new TreeSet<>(variables)), style, html, p.getType() + " chart: " + title);
  }
}
