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
    grid.addThemeVariants(
        GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COLUMN_BORDERS, GridVariant.LUMO_COMPACT);
    grid.setHeight("60vh");
    // Compact cells (the variant halves the side padding) and a smaller font, so that ten
    // exercises and the total fit beside the names at 1280 px.
    grid.getStyle().set("font-size", "var(--lumo-font-size-s)");
    grid.addComponentColumn(GradebookView::student)
        .setHeader(header("Student", "Name and username; sorted by name"))
        .setKey("student")
        .setFrozen(true)
        .setSortable(true)
        .setComparator(
            Comparator.comparing((Gradebook.Row r) -> r.displayName().toLowerCase(Locale.ROOT))
                .thenComparing(Gradebook.Row::username))
        .setWidth("10rem")
        .setFlexGrow(0);
    // Beyond five exercises the columns are too narrow for headers written across: they read
    // upwards.
    boolean vertical = book.columns().size() > 5;
    for (int i = 0; i < book.columns().size(); i++) {
      int index = i;
      Gradebook.Column c = book.columns().get(i);
      grid.addComponentColumn(r -> cell(r, r.cells().get(index)))
          .setHeader(
              sideways(
                  header(c.header(), c.title() + " (" + Scores.points(c.maxScore()) + " points)"),
                  vertical))
          .setKey(c.exerciseId())
          .setSortable(true)
          .setComparator(
              Comparator.comparing(
                  (Gradebook.Row r) -> sortValue(r.cells().get(index)),
                  Comparator.nullsFirst(Comparator.naturalOrder())))
          .setTextAlign(ColumnTextAlign.END)
          .setWidth("4.25rem")
          .setFlexGrow(1);
    }
    grid.addComponentColumn(GradebookView::total)
        .setHeader(
            header(
                "Total (" + Scores.points(book.maxTotal()) + ")",
                "The sum of the grades of record; a missing one counts 0. In brackets: the sum"
                    + " with the best submission so far where there is no grade of record yet."))
        .setKey("total")
        .setSortable(true)
        .setComparator(Comparator.comparingDouble(Gradebook.Row::total))
        .setTextAlign(ColumnTextAlign.END)
        .setWidth("5rem")
        .setFlexGrow(1);
    add(grid);
    Paragraph legend =
        new Paragraph(
            "A score in brackets is the best submission so far: the grade of record is made when"
                + " the student's submissions close. Total: the grades of record only; in brackets"
                + " below it, the total with the best so far counted too. Badges: late = the final"
                + " submission was late, extended = an extension, adjusted = score set by staff. Hover over an"
                + " exercise's header for its title.");
    legend.setId("gradebook-legend");
    add(legend);
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
            : c.bestSoFar() ? "(" + Scores.points(c.provisional()) + ")" : "—";
    Span out = stack();
    out.getElement().setAttribute("data-cell", row.username() + "/" + c.exerciseId());
    if (c.bestSoFar()) {
      out.getElement().setAttribute("title", "Best submission so far; no grade of record yet");
    }
    if (c.submissionId() != null) {
      RouterLink link =
          new RouterLink(
              text, ReviewView.class, new RouteParameters("id", String.valueOf(c.submissionId())));
      out.add(link);
    } else {
      out.add(new Span(text));
    }

    if (c.late() || c.extended() || c.overridden()) {
      Span marks = new Span();
      marks.getStyle().set("display", "flex").set("flex-wrap", "wrap").set("gap", "2px");
      if (c.late()) {
        marks.add(Badge.lateFinal());
      }
      if (c.extended()) {
        marks.add(Badge.extended());
      }
      if (c.overridden()) {
        marks.add(Badge.adjusted());
      }
      out.add(marks);
    }
    return out;
  }

  private static Span total(Gradebook.Row row) {
    Span out = stack();
    out.getElement().setAttribute("data-total", row.username());
    out.add(new Span(Scores.points(row.total())));
    if (row.hasBestSoFar()) {
      Span best = new Span("(" + Scores.points(row.totalWithBestSoFar()) + ")");
      best.getElement().setAttribute("title", "With the best submissions so far");
      best.getStyle().set("color", "var(--lumo-secondary-text-color)");
      out.add(best);
    }
    return out;
  }

  private static Span student(Gradebook.Row row) {
    Span out = stack();
    out.getStyle().set("align-items", "flex-start").set("white-space", "normal");
    Span username = new Span(row.username());
    username
        .getStyle()
        .set("color", "var(--lumo-secondary-text-color)")
        .set("font-size", "var(--lumo-font-size-xs)");
    out.add(new Span(row.displayName()), username);
    return out;
  }

  /** A cell's lines, right-aligned, one under the other. */
  private static Span stack() {
    Span out = new Span();
    out.getStyle()
        .set("display", "flex")
        .set("flex-direction", "column")
        .set("align-items", "flex-end")
        .set("gap", "2px");
    return out;
  }

  /** The header turned to read upwards, for narrow columns; unchanged when not {@code vertical}. */
  private static Span sideways(Span header, boolean vertical) {
    if (vertical) {
      header
          .getStyle()
          .set("writing-mode", "vertical-rl")
          .set("transform", "rotate(180deg)")
          .set("white-space", "nowrap");
    }
    return header;
  }

  /** A short header that may wrap at spaces and hyphens, with the long text on hover. */
  private static Span header(String text, String hover) {
    Span out = new Span(text);
    out.getElement().setAttribute("title", hover);
    out.getElement().setAttribute("data-header", text);
    out.getStyle().set("white-space", "normal");
    return out;
  }
}
