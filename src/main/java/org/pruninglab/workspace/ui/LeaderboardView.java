package org.pruninglab.workspace.ui;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import java.util.List;
import java.util.Locale;
import org.pruninglab.deadline.Deadlines;
import org.pruninglab.deadline.ExerciseSchedule;
import org.pruninglab.gradebook.GradebookService;
import org.pruninglab.gradebook.LeaderboardEntry;

/** The pseudonymous leaderboard of the exercises whose instructor switched it on. */
@Route("leaderboard")
@PageTitle("Leaderboard · Pruning Lab")
@Menu(title = "Leaderboard", order = 25, icon = "vaadin:trophy")
@PermitAll
class LeaderboardView extends Main {

  LeaderboardView(GradebookService gradebook, Deadlines deadlines) {
    setId("leaderboard-page");
    getStyle().set("padding", "var(--lumo-space-m) var(--lumo-space-l)");
    add(new H2("Leaderboard"));
    List<String> on =
        deadlines.schedules().stream()
            .filter(ExerciseSchedule::leaderboard)
            .map(ExerciseSchedule::exerciseId)
            .toList();
    if (on.isEmpty()) {
      add(new Paragraph("No exercise has a leaderboard at the moment."));
      return;
    }
    add(
        new Paragraph(
            "Each student's best pruning result, under a pseudonym only they can recognise (their"
                + " line is marked)."));
    Select<String> exercise = new Select<>();
    exercise.setLabel("Exercise");
    exercise.setItems(on);
    Grid<LeaderboardEntry> grid = new Grid<>();
    grid.setId("leaderboard");
    grid.addColumn(LeaderboardEntry::rank).setHeader("#").setAutoWidth(true).setFlexGrow(0);
    grid.addColumn(e -> e.pseudonym() + (e.you() ? " (you)" : "")).setHeader("Who");
    grid.addColumn(e -> String.format(Locale.ROOT, "%.2f %%", e.accuracy() * 100))
        .setHeader("Accuracy");
    grid.addColumn(e -> String.format(Locale.ROOT, "%.1f %%", e.sparsity() * 100))
        .setHeader("Sparsity");
    grid.addColumn(e -> e.macs() == null ? "" : String.format(Locale.ROOT, "%,.0f", e.macs()))
        .setHeader("MACs");
    exercise.addValueChangeListener(e -> grid.setItems(gradebook.leaderboard(e.getValue())));
    add(exercise, grid);
    exercise.setValue(on.get(0));
  }
}
