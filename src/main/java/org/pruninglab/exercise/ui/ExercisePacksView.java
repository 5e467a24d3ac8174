package org.pruninglab.exercise.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import java.util.Locale;
import org.pruninglab.account.AccountService;
import org.pruninglab.account.Role;
import org.pruninglab.exercise.PackStatus;
import org.pruninglab.exercise.PackStatusService;

/**
 * Which exercises are offered and which packs are broken, with the reason, for TAs and instructors;
 * instructors can make the app read the packs again at once.
 */
@Route("packs")
@PageTitle("Exercise packs · Pruning Lab")
@Menu(title = "Exercise packs", order = 60, icon = "vaadin:package")
@RolesAllowed({Role.TA_NAME, Role.INSTRUCTOR_NAME})
class ExercisePacksView extends Main {

  private final PackStatusService packs;
  private final Grid<PackStatus> grid = new Grid<>();
  private final Paragraph summary = new Paragraph();

  ExercisePacksView(PackStatusService packs, AccountService accounts) {
    this.packs = packs;
    getStyle().set("padding", "var(--lumo-space-l)");
    add(new H2("Exercise packs"));
    String refusal = packs.refusal();
    if (refusal != null) {
      Paragraph off = new Paragraph("Grading is switched off on this server: " + refusal);
      off.setId("grading-refused");
      off.getStyle().set("color", "var(--lumo-error-text-color)");
      add(off);
    }
    summary.setId("packs-summary");
    add(summary);
    grid.setId("packs-grid");
    grid.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT, GridVariant.LUMO_ROW_STRIPES);
    grid.addColumn(PackStatus::id).setHeader("Exercise").setAutoWidth(true).setFlexGrow(0);
    grid.addColumn(PackStatus::title).setHeader("Title").setFlexGrow(1);
    grid.addColumn(p -> p.offered() ? points(p.points()) : "")
        .setHeader("Points")
        .setAutoWidth(true)
        .setFlexGrow(0);
    grid.addColumn(
            p ->
                p.offered()
                    ? p.tests() + " tests, " + p.wrongVariants() + " known-wrong variants"
                    : "")
        .setHeader("Checks")
        .setAutoWidth(true)
        .setFlexGrow(0);
    // The same short form the review page shows beside a result: which tests graded it.
    grid.addComponentColumn(ExercisePacksView::version)
        .setHeader("Tests version")
        .setAutoWidth(true)
        .setFlexGrow(0);
    grid.addColumn(p -> p.offered() ? "Offered" : "Not offered: " + p.problem())
        .setHeader("Status")
        .setFlexGrow(2);
    grid.setAllRowsVisible(true);
    add(grid);
    boolean instructor =
        accounts.currentAccount().map(a -> a.role() == Role.INSTRUCTOR).orElse(false);
    if (instructor) {
      Button reload = new Button("Read the packs again", e -> show(packs.reload()));
      reload.setId("reload-packs");
      add(reload);
    }
    show(packs.packs());
  }

  private void show(List<PackStatus> status) {
    grid.setItems(status);
    long broken = status.stream().filter(p -> !p.offered()).count();
    summary.setText(
        status.size()
            - broken
            + " offered, "
            + broken
            + " not offered"
            + (broken > 0
                ? " — a broken pack is never shown to students; fix it and it comes back"
                    + " within seconds."
                : "."));
  }

  private static String points(double p) {
    return p == Math.rint(p) ? Long.toString((long) p) : String.format(Locale.ROOT, "%.1f", p);
  }

  private static Span version(PackStatus p) {
    Span out = new Span(p.contentHash() == null ? "" : p.contentHash().substring(0, 12));
    if (p.contentHash() != null) {
      out.getElement().setAttribute("title", p.contentHash());
      out.getStyle().set("font-family", "var(--lumo-font-family-monospace, monospace)");
    }
    return out;
  }
}
