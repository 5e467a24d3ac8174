package org.pruninglab.review.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.OptionalParameter;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteConfiguration;
import jakarta.annotation.security.RolesAllowed;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.IntSupplier;
import java.util.stream.IntStream;
import org.pruninglab.account.Role;
import org.pruninglab.deadline.Deadlines;
import org.pruninglab.deadline.ExerciseSchedule;
import org.pruninglab.gradebook.ExerciseAnalytics;
import org.pruninglab.gradebook.GradebookService;
import org.pruninglab.gradebook.Scores;
import org.pruninglab.labkit.pictures.BarChart;
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
class AnalyticsView extends Main implements HasUrlParameter<String> {

  private final GradebookService gradebook;
  private final Div body = new Div();
  private final Select<String> exercise = new Select<>();
  private final List<String> ids;

  AnalyticsView(GradebookService gradebook, Deadlines deadlines) {
    this.gradebook = gradebook;
    setId("analytics-page");
    getStyle().set("padding", "var(--lumo-space-m) var(--lumo-space-l)");
    add(new H2("Analytics"));
    exercise.setLabel("Exercise");
    exercise.setId("analytics-exercise");
    ids = deadlines.schedules().stream().map(ExerciseSchedule::exerciseId).toList();
    exercise.setItems(ids);
    exercise.addValueChangeListener(
        e -> {
          show(e.getValue());
          // Each exercise's page has an address of its own (/analytics/two-four), to link and
          // to come back to; choosing another one replaces it rather than adding to the history.
          if (e.isFromClient() && e.getValue() != null) {
            getUI()
                .ifPresent(
                    ui ->
                        ui.getPage()
                            .getHistory()
                            .replaceState(
                                null,
                                RouteConfiguration.forSessionScope()
                                    .getUrl(AnalyticsView.class, e.getValue())));
          }
        });
    add(exercise, body);
  }

  /** {@code /analytics} shows the first exercise, {@code /analytics/ID} exercise ID. */
  @Override
  public void setParameter(BeforeEvent event, @OptionalParameter String exerciseId) {
    if (exerciseId == null || ids.contains(exerciseId)) {
      String shown = exerciseId != null ? exerciseId : ids.isEmpty() ? null : ids.get(0);
      if (shown != null && !shown.equals(exercise.getValue())) {
        exercise.setValue(shown);
      }
      return;
    }
    exercise.clear();
    body.removeAll();
    Paragraph unknown =
        new Paragraph(
            "There is no exercise '"
                + exerciseId
                + "' in this course"
                + (ids.isEmpty() ? "." : "; choose one above."));
    unknown.setId("analytics-unknown");
    body.add(unknown);
  }

  private void show(String exerciseId) {
    body.removeAll();
    if (exerciseId == null) {
      return;
    }
    ExerciseAnalytics a = gradebook.analytics(exerciseId);
    int students = a.submissionsPerStudent().size();
    body.add(new H3("Scores"));
    body.add(
        new Paragraph(
            Plural.of(a.scores().size(), "student")
                + " of "
                + students
                + " with a score (the grade of record, else the best so far)."));
    body.add(new SvgPicture("score-distribution", Svg.barChart(scoreChart(a))));

    body.add(new H3("Most-failed tests"));
    if (a.mostFailed().isEmpty()) {
      Paragraph none =
          new Paragraph(
              a.scores().isEmpty()
                  ? "No graded submission yet."
                  : "No test failed on any student's latest graded submission.");
      none.setId("most-failed-none");
      body.add(none);
    } else {
      body.add(
          new Paragraph("Counted on each student's latest graded submission."),
          mostFailed(a.mostFailed()));
    }

    body.add(new H3("Submissions per student"));
    body.add(
        new SvgPicture("submissions-per-student", Svg.barChart(submissionsChart(a, students))));

    body.add(
        new H3(
            "Best pruning results ("
                + ParetoSvg.name(a.x(), a)
                + " vs "
                + ParetoSvg.name(a.y(), a)
                + ")"));
    body.add(
        new Paragraph(
            Plural.of(a.points().size(), "student")
                + " with a pruning result; "
                + a.points().stream().filter(ExerciseAnalytics.ParetoPoint::front).count()
                + " on the Pareto front ("
                + ParetoSvg.frontRule(a)
                + ")."));
    body.add(new SvgPicture("pareto", ParetoSvg.draw(a)));

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

  private static Grid<ExerciseAnalytics.FailedTest> mostFailed(
      List<ExerciseAnalytics.FailedTest> tests) {
    Grid<ExerciseAnalytics.FailedTest> failed = new Grid<>();
    failed.setId("most-failed");
    failed.setAllRowsVisible(true);
    // Test names are sentences: they wrap rather than being cut off.
    failed.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT);
    failed.addColumn(ExerciseAnalytics.FailedTest::name).setHeader("Test").setFlexGrow(1);
    failed
        .addColumn(f -> f.failed() + " of " + f.of())
        .setHeader("Students failing")
        .setAutoWidth(true)
        .setFlexGrow(0);
    failed.setItems(tests);
    return failed;
  }

  /**
   * Students per score band: whole points (a late penalty's fractions rounded down), one bar per
   * point up to 30 points, wider bands beyond, so that a full score has a bar of its own.
   */
  static BarChart scoreChart(ExerciseAnalytics a) {
    int max = Math.max(1, (int) Math.floor(a.maxScore()));
    int width = (int) Math.ceil((max + 1) / 30.0);
    int bands = (max + width) / width;
    List<String> labels = new ArrayList<>();
    for (int i = 0; i < bands; i++) {
      int from = i * width;
      int to = Math.min(max, from + width - 1);
      labels.add(from == to ? Integer.toString(from) : from + "–" + to);
    }
    long[] counts = new long[bands];
    for (double score : a.scores()) {
      int points = (int) Math.max(0, Math.min(max, Math.floor(score)));
      counts[points / width]++;
    }
    return new BarChart(
        "Scores in " + a.exerciseId() + ": " + Plural.of(a.scores().size(), "student"),
        "score (points out of " + Scores.points(a.maxScore()) + ", fractions rounded down)",
        "students",
        labels,
        Arrays.stream(counts).boxed().toList());
  }

  /** Students by how many submissions they made, from 0 to the most anyone made. */
  static BarChart submissionsChart(ExerciseAnalytics a, int students) {
    int most = a.submissionsPerStudent().stream().mapToInt(Integer::intValue).max().orElse(0);
    long[] counts = new long[most + 1];
    a.submissionsPerStudent().forEach(n -> counts[n]++);
    return new BarChart(
        "Submissions per student in " + a.exerciseId() + ": " + Plural.of(students, "student"),
        "submissions made",
        "students",
        IntStream.rangeClosed(0, most).mapToObj(Integer::toString).toList(),
        Arrays.stream(counts).boxed().toList());
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
