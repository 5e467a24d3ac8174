package org.pruninglab.review.ui;

import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.server.StreamResource;
import jakarta.annotation.security.RolesAllowed;
import java.io.ByteArrayInputStream;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.pruninglab.account.AccessLog;
import org.pruninglab.account.Role;
import org.pruninglab.base.LabProperties;
import org.pruninglab.gradebook.AutogradeProgress;
import org.pruninglab.gradebook.Gradebook;
import org.pruninglab.gradebook.GradebookService;
import org.pruninglab.gradebook.Scores;
import org.pruninglab.workspace.ui.Badge;
import org.pruninglab.workspace.ui.Formats;

/**
 * The gradebook: every student × every exercise with the grade of record (or the best so far, in
 * brackets, before it exists), late, extension and adjustment marks; filters, sorting, sticky
 * headers and a CSV download of the same numbers. A cell opens the submission's review page.
 */
@Route("gradebook")
@PageTitle("Gradebook · Pruning Lab")
@Menu(title = "Gradebook", order = 30, icon = "vaadin:table")
@RolesAllowed({Role.TA_NAME, Role.INSTRUCTOR_NAME})
class GradebookView extends Main {

  private enum Show {
    ALL("All students"),
    LATE("Late in any exercise"),
    ADJUSTED("Adjusted by staff"),
    MISSING("Missing a submission");

    final String label;

    Show(String label) {
      this.label = label;
    }
  }

  private final Grid<Gradebook.Row> grid = new Grid<>();
  private final TextField search = new TextField();
  private final Select<Show> show = new Select<>();
  private List<Gradebook.Row> rows = List.of();

  GradebookView(GradebookService gradebook, AccessLog accessLog, LabProperties properties) {
    ZoneId zone = properties.timeZone();
    setId("gradebook-page");
    getStyle().set("padding", "var(--lumo-space-m) var(--lumo-space-l)");
    add(new H2("Gradebook"));
    Gradebook book = gradebook.gradebook();
    rows = book.rows();

    Paragraph progress = new Paragraph();
    progress.setId("autograde-progress");
    StringBuilder text = new StringBuilder("After-deadline grading: ");
    for (Gradebook.Column c : book.columns()) {
      AutogradeProgress p = gradebook.progress(c.exerciseId());
      text.append(c.exerciseId())
          .append(' ')
          .append(p.graded())
          .append('/')
          .append(p.students())
          .append(" graded")
          .append(p.grading() > 0 ? " (" + p.grading() + " running)" : "")
          .append("; ");
    }
    progress.setText(text.substring(0, text.length() - 2) + ".");
    add(progress);

    search.setPlaceholder("Find a student");
    search.setId("gradebook-search");
    search.setValueChangeMode(ValueChangeMode.EAGER);
    search.setClearButtonVisible(true);
    search.addValueChangeListener(e -> filter());
    show.setItems(Show.values());
    show.setItemLabelGenerator(s -> s.label);
    show.setValue(Show.ALL);
    show.setId("gradebook-show");
    show.addValueChangeListener(e -> filter());
    Anchor csv =
        new Anchor(
            new StreamResource("gradebook.csv", () -> new ByteArrayInputStream(gradebook.csv())),
            "Download CSV");
    csv.getElement().setAttribute("download", true);
    csv.setId("gradebook-csv");
    HorizontalLayout tools = new HorizontalLayout(search, show, csv);
    tools.setAlignItems(HorizontalLayout.Alignment.BASELINE);
    add(tools);

    grid.setId("gradebook");
    grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COLUMN_BORDERS);
    grid.setHeight("60vh");
    grid.addColumn(Gradebook.Row::username)
        .setHeader("Username")
        .setFrozen(true)
        .setSortable(true)
        .setComparator(Comparator.comparing(Gradebook.Row::username))
        .setAutoWidth(true)
        .setFlexGrow(0);
    grid.addColumn(Gradebook.Row::displayName)
        .setHeader("Name")
        .setFrozen(true)
        .setSortable(true)
        .setComparator(Comparator.comparing(r -> r.displayName().toLowerCase(Locale.ROOT)))
        .setAutoWidth(true)
        .setFlexGrow(0);
    for (int i = 0; i < book.columns().size(); i++) {
      int index = i;
      Gradebook.Column c = book.columns().get(i);
      grid.addComponentColumn(r -> cell(r, r.cells().get(index)))
          .setHeader(c.title() + " (" + Scores.points(c.maxScore()) + ")")
          .setKey(c.exerciseId())
          .setSortable(true)
          .setComparator(
              Comparator.comparing(
                  (Gradebook.Row r) -> sortValue(r.cells().get(index)),
                  Comparator.nullsFirst(Comparator.naturalOrder())))
          .setTextAlign(ColumnTextAlign.END)
          .setAutoWidth(true);
    }
    grid.addColumn(r -> Scores.points(r.total()))
        .setHeader("Total")
        .setKey("total")
        .setSortable(true)
        .setComparator(Comparator.comparingDouble(Gradebook.Row::total))
        .setTextAlign(ColumnTextAlign.END)
        .setAutoWidth(true);
    add(grid);
    add(
        new Paragraph(
            "A score in brackets is the best submission so far: the grade of record is made when"
                + " the student's submissions close. Badges: late = the final submission was late,"
                + " extended = an extension, adjusted = score set by staff."));
    filter();

    add(new H3("Access log"));
    Grid<AccessLog.Refusal> refusals = new Grid<>();
    refusals.setId("access-log");
    refusals.setAllRowsVisible(true);
    refusals.addColumn(r -> Formats.clock(r.at(), zone)).setHeader("When").setAutoWidth(true);
    refusals.addColumn(AccessLog.Refusal::username).setHeader("Who").setAutoWidth(true);
    refusals.addColumn(AccessLog.Refusal::what).setHeader("Asked for").setFlexGrow(1);
    refusals.setItems(accessLog.recent(20));
    add(
        new Paragraph(
            "Requests refused because a student reached for work that is not theirs (latest 20)."),
        refusals);
  }

  private void filter() {
    String q = search.getValue() == null ? "" : search.getValue().strip().toLowerCase(Locale.ROOT);
    Show s = show.getValue() == null ? Show.ALL : show.getValue();
    grid.setItems(
        rows.stream()
            .filter(
                r ->
                    q.isEmpty()
                        || r.username().toLowerCase(Locale.ROOT).contains(q)
                        || r.displayName().toLowerCase(Locale.ROOT).contains(q))
            .filter(
                r ->
                    switch (s) {
                      case ALL -> true;
                      case LATE -> r.cells().stream().anyMatch(Gradebook.Cell::late);
                      case ADJUSTED -> r.cells().stream().anyMatch(Gradebook.Cell::overridden);
                      case MISSING -> r.cells().stream().anyMatch(c -> c.submissionId() == null);
                    })
            .toList());
  }

  private static Double sortValue(Gradebook.Cell c) {
    return c.score() != null ? c.score() : c.provisional();
  }

  private static Span cell(Gradebook.Row row, Gradebook.Cell c) {
    String text =
        c.score() != null
            ? Scores.points(c.score())
            : c.provisional() != null ? "(" + Scores.points(c.provisional()) + ")" : "—";
    Span out = new Span();
    out.getElement().setAttribute("data-cell", row.username() + "/" + c.exerciseId());
    if (c.submissionId() != null) {
      RouterLink link =
          new RouterLink(
              text, ReviewView.class, new RouteParameters("id", String.valueOf(c.submissionId())));
      out.add(link);
    } else {
      out.add(new Span(text));
    }
    if (c.late()) {
      out.add(Badge.lateFinal());
    }
    if (c.extended()) {
      out.add(Badge.extended());
    }
    if (c.overridden()) {
      out.add(Badge.adjusted());
    }
    return out;
  }
}
