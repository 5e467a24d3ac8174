package org.pruninglab.workspace.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.pruninglab.workspace.HistoryItem;

/**
 * Every run and submission of the exercise: open one, or compare two side by side. Its selection
 * checkboxes get accessible names on the elements that take focus ({@code lab-checkbox-names.js},
 * loaded by the main layout for every grid with a selection column).
 */
public class HistoryPanel extends Div {

  private final Grid<HistoryItem> grid = new Grid<>();
  private final Button compare = new Button("Compare the two selected");

  public HistoryPanel(
      ZoneId zone, Consumer<HistoryItem> open, BiConsumer<HistoryItem, HistoryItem> diff) {
    setId("history");
    grid.setId("history-grid");
    grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
    grid.setSelectionMode(Grid.SelectionMode.MULTI);
    grid.addColumn(h -> "#" + h.id()).setHeader("#").setAutoWidth(true).setFlexGrow(0);
    grid.addColumn(h -> Formats.clock(h.submittedAt(), zone)).setHeader("When").setAutoWidth(true);
    grid.addComponentColumn(HistoryPanel::kind).setHeader("Kind").setAutoWidth(true);
    grid.addColumn(HistoryPanel::verdict).setHeader("Result").setFlexGrow(1);
    grid.addColumn(Formats::score).setHeader("Score").setAutoWidth(true);
    grid.addComponentColumn(
            h -> {
              Button b = new Button("Open", e -> open.accept(h));
              b.getElement().setAttribute("data-open", String.valueOf(h.id()));
              return b;
            })
        .setAutoWidth(true)
        .setFlexGrow(0);
    grid.setHeight("320px");
    compare.setId("compare");
    compare.setEnabled(false);
    grid.asMultiSelect().addValueChangeListener(e -> compare.setEnabled(e.getValue().size() == 2));
    compare.addClickListener(
        e -> {
          List<HistoryItem> two = new ArrayList<>(grid.getSelectedItems());
          if (two.size() == 2) {
            two.sort(Comparator.comparingLong(HistoryItem::id));
            diff.accept(two.get(0), two.get(1));
          }
        });
    Span hint = new Span("Select two rows to compare their code.");
    hint.getStyle().set("color", "var(--lumo-secondary-text-color)").set("margin-left", "1em");
    add(grid, new Div(compare, hint));
  }

  public void setItems(List<HistoryItem> items) {
    grid.setItems(items);
  }

  /** The kind in words with its badges: late for a late submission that counts, or practice. */
  static Span kind(HistoryItem h) {
    Span kind = new Span(Formats.kind(h));
    Badge.of(h).forEach(kind::add);
    return kind;
  }

  private static String verdict(HistoryItem h) {
    if (h.result() == null) {
      return switch (h.status()) {
        case QUEUED -> "waiting";
        case RUNNING -> "running";
        case DONE -> "";
      };
    }
    return h.result().headline();
  }
}
