package org.pruninglab.workspace.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import java.time.ZoneId;
import java.util.List;
import java.util.function.Consumer;
import org.pruninglab.workspace.DraftHistoryEntry;

/** The drafts that a reset or a restore replaced, newest first: view one, or restore it. */
class DraftHistoryPanel extends Div {

  private final Grid<DraftHistoryEntry> grid = new Grid<>();
  private final Paragraph empty =
      new Paragraph(
          "No earlier drafts yet. Resetting to the starter code or restoring earlier code keeps"
              + " the draft it replaces here.");

  DraftHistoryPanel(
      ZoneId zone, Consumer<DraftHistoryEntry> view, Consumer<DraftHistoryEntry> restore) {
    setId("draft-history");
    grid.setId("draft-history-grid");
    grid.addThemeVariants(
        GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_WRAP_CELL_CONTENT);
    grid.addColumn(d -> Formats.clock(d.savedAt(), zone)).setHeader("Kept").setAutoWidth(true);
    grid.addColumn(DraftHistoryEntry::reason).setHeader("Why").setFlexGrow(1);
    grid.addColumn(d -> d.source().lines().count()).setHeader("Lines").setAutoWidth(true);
    button("View", "data-view-draft", view);
    button("Restore", "data-restore-draft", restore);
    grid.setHeight("240px");
    empty.setId("draft-history-empty");
    add(empty, grid);
    setItems(List.of());
  }

  /** A column with a button per row; {@code attribute} carries the draft's id for tests. */
  private void button(String text, String attribute, Consumer<DraftHistoryEntry> action) {
    grid.addComponentColumn(
            d -> {
              Button b = new Button(text, e -> action.accept(d));
              b.addThemeVariants(ButtonVariant.LUMO_SMALL);
              b.getElement().setAttribute(attribute, String.valueOf(d.id()));
              return b;
            })
        .setAutoWidth(true)
        .setFlexGrow(0);
  }

  void setItems(List<DraftHistoryEntry> items) {
    grid.setItems(items);
    grid.setVisible(!items.isEmpty());
    empty.setVisible(items.isEmpty());
  }
}
