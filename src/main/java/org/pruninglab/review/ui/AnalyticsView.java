package org.pruninglab.review.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import java.util.function.IntSupplier;
import org.pruninglab.account.Role;
import org.pruninglab.deadline.Deadlines;
import org.pruninglab.deadline.ExerciseSchedule;
import org.pruninglab.gradebook.ExerciseAnalytics;
import org.pruninglab.gradebook.GradebookService;
import org.pruninglab.labkit.pictures.Histogram;
import org.pruninglab.labkit.pictures.Svg;
import org.pruninglab.workspace.ui.SvgPicture;

/**
 * One exercise across the class: score distribution, the most-failed tests, submissions per
 * student, and every student's best pruning result with the Pareto front; and the batch regrades.
 */
@Route("analytics")
@PageTitle("Analytics · Pruning Lab")
@Menu(title = "Analytics", order = 40, icon = "vaadin:chart")
@RolesAllowed({Role.TA_NAME, Role.INSTRUCTOR_NAME})
class AnalyticsView extends Main {

  private final GradebookService gradebook;
  private final Div body = new Div();

  AnalyticsView(GradebookService gradebook, Deadlines deadlines) {
    this.gradebook = gradebook;
    setId("analytics-page");
    getStyle().set("padding", "var(--lumo-space-m) var(--lumo-space-l)");
    add(new H2("Analytics"));
    Select<String> exercise = new Select<>();
    exercise.setLabel("Exercise");
    exercise.setId("analytics-exercise");
    List<String> ids = deadlines.schedules().stream().map(ExerciseSchedule::exerciseId).toList();
    exercise.setItems(ids);
    exercise.addValueChangeListener(e -> show(e.getValue()));
    add(exercise, body);
    if (!ids.isEmpty()) {
      exercise.setValue(ids.get(0));
    }
  }

  private void show(String exerciseId) {
    body.removeAll();
    if (exerciseId == null) {
      return;
    }
    ExerciseAnalytics a = gradebook.analytics(exerciseId);
    body.add(new H3("Scores"));
    body.add(
        new Paragraph(
            a.scores().size()
                + " students with a score (the grade of record, else the best so far)."));
    body.add(new SvgPicture("score-distribution", Svg.histogram(scoreHistogram(a))));

    body.add(new H3("Most-failed tests"));
    Grid<ExerciseAnalytics.FailedTest> failed = new Grid<>();
    failed.setId("most-failed");
    failed.setAllRowsVisible(true);
    failed.addColumn(ExerciseAnalytics.FailedTest::name).setHeader("Test").setFlexGrow(1);
    failed
        .addColumn(f -> f.failed() + " of " + f.of())
        .setHeader("Students failing")
        .setAutoWidth(true);
    failed.setItems(a.mostFailed());
    body.add(new Paragraph("Counted on each student's latest graded submission."), failed);

    body.add(new H3("Submissions per student"));
    int most = a.submissionsPerStudent().stream().mapToInt(Integer::intValue).max().orElse(0);
    double[] edges = new double[most + 2];
    long[] counts = new long[most + 1];
    for (int i = 0; i < edges.length; i++) {
      edges[i] = i - 0.5;
    }
    a.submissionsPerStudent().forEach(n -> counts[n]++);
    body.add(
        new SvgPicture(
            "submissions-per-student",
            Svg.histogram(new Histogram("submissions per student", edges, counts, 0))));

    body.add(new H3("Best pruning results (sparsity vs accuracy)"));
    body.add(
        new Paragraph(
            a.points().size()
                + " students; "
                + a.points().stream().filter(ExerciseAnalytics.ParetoPoint::front).count()
                + " on the Pareto front (no one is both sparser and more accurate)."));
    body.add(new SvgPicture("pareto", ParetoSvg.draw(a.points())));

    body.add(new H3("Regrade"));
    body.add(
        new Paragraph(
            "After the pack's hidden tests change: results are kept, the new ones are added and"
                + " the difference is shown on each submission's review page."));
    body.add(
        new HorizontalLayout(
            regrade(
                "Regrade the grades of record",
                "regrade-grades",
                () -> gradebook.regradeGrades(exerciseId)),
            regrade(
                "Regrade all submissions",
                "regrade-all",
                () -> gradebook.regradeExercise(exerciseId))));
  }

  private static Histogram scoreHistogram(ExerciseAnalytics a) {
    int bins = 12;
    double max = Math.max(a.maxScore(), 1);
    double[] edges = new double[bins + 1];
    long[] counts = new long[bins];
    for (int i = 0; i <= bins; i++) {
      edges[i] = max * i / bins;
    }
    for (double s : a.scores()) {
      counts[Math.min(bins - 1, (int) (s / max * bins))]++;
    }
    return new Histogram("score of " + a.exerciseId(), edges, counts, 0);
  }

  private static Button regrade(String label, String id, IntSupplier action) {
    Button b = new Button(label);
    b.setId(id);
    b.addClickListener(
        e -> {
          ConfirmDialog confirm = new ConfirmDialog();
          confirm.setHeader(label + "?");
          confirm.setText("The gradings run at batch priority, after students' own runs.");
          confirm.setCancelable(true);
          confirm.setConfirmText("Regrade");
          confirm.addConfirmListener(
              c -> Notification.show(action.getAsInt() + " gradings queued."));
          confirm.open();
        });
    return b;
  }
}
