package org.pruninglab.workspace.ui;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import jakarta.annotation.security.PermitAll;
import java.time.Clock;
import java.time.ZoneId;
import org.pruninglab.base.LabProperties;
import org.pruninglab.workspace.ExerciseStatus;
import org.pruninglab.workspace.ExerciseSummary;
import org.pruninglab.workspace.WorkspaceService;

/** The student's list of exercises: deadlines (their own), countdowns, scores and status. */
@Route("exercises")
@PageTitle("Exercises · Pruning Lab")
@Menu(title = "Exercises", order = 10, icon = "vaadin:academy-cap")
@PermitAll
class ExercisesView extends Main {

  ExercisesView(WorkspaceService workspace, LabProperties properties, Clock clock) {
    ZoneId zone = properties.timeZone();
    setId("exercises-page");
    getStyle().set("padding", "var(--lumo-space-m) var(--lumo-space-l)");
    add(new H2("Exercises"));
    add(
        new Paragraph(
            "Deadlines are shown in "
                + zone.getId()
                + ". Scores count the tests you can see; hidden tests run after the deadline."));
    Grid<ExerciseSummary> grid = new Grid<>();
    grid.setId("exercises");
    grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
    grid.setAllRowsVisible(true);
    grid.addComponentColumn(
            e -> {
              RouterLink link =
                  new RouterLink(e.title(), ExerciseView.class, new RouteParameters("id", e.id()));
              link.getElement().setAttribute("data-exercise", e.id());
              return link;
            })
        .setHeader("Exercise")
        .setFlexGrow(3);
    grid.addComponentColumn(
            e -> {
              Span s = new Span(Formats.when(e.deadline().due(), zone));
              if (e.deadline().extended()) {
                Span badge = new Span("extended");
                badge.getElement().getThemeList().add("badge success small");
                badge.getStyle().set("margin-left", "var(--lumo-space-xs)");
                return new Span(s, badge);
              }
              return s;
            })
        .setHeader("Your deadline")
        .setFlexGrow(2);
    grid.addColumn(e -> Formats.countdown(e.deadline().due(), clock.instant()))
        .setHeader("Time left")
        .setFlexGrow(1);
    grid.addColumn(e -> Formats.score(e.best(), e.maxShown())).setHeader("Best").setFlexGrow(0);
    grid.addColumn(e -> Formats.score(e.latest(), e.maxShown())).setHeader("Latest").setFlexGrow(0);
    grid.addComponentColumn(
            e -> {
              Span grade = new Span(gradeText(e));
              grade.getElement().setAttribute("data-grade", e.id());
              if (e.grade().comment() != null) {
                grade.setTitle(e.grade().comment());
              }
              return grade;
            })
        .setHeader("Grade")
        .setFlexGrow(1);
    grid.addComponentColumn(
            e -> {
              Span badge = new Span(e.status().label());
              badge.getElement().setAttribute("data-status", e.status().name());
              String theme =
                  switch (e.status()) {
                    case GRADED -> "badge success";
                    case LATE -> "badge error";
                    case SUBMITTED -> "badge";
                    case DRAFT -> "badge contrast";
                    case NOT_STARTED -> "badge contrast";
                  };
              badge.getElement().getThemeList().add(theme);
              return badge;
            })
        .setHeader("Status")
        .setFlexGrow(0)
        .setAutoWidth(true);
    var exercises = workspace.exercises();
    grid.setItems(exercises);
    add(grid);
    if (exercises.stream().allMatch(e -> e.status() == ExerciseStatus.NOT_STARTED)) {
      add(new Paragraph("Open an exercise to start: your work is saved as you type."));
    }
  }

  private static String gradeText(ExerciseSummary e) {
    var g = e.grade();
    return switch (g.state()) {
      case OPEN -> "after the deadline";
      case GRADING -> "being graded";
      case NO_SUBMISSION, GRADED ->
          g.released()
              ? Formats.score(g.score(), g.maxScore()) + (g.overridden() ? " (adjusted)" : "")
              : "not yet released";
    };
  }
}
