package org.pruninglab.workspace.ui;

import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
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
            "Deadlines are in "
                + zone.getId()
                + ". Until grades are released, Best and Latest count only the tests you can see"
                + " before the deadline; hidden tests run after it."));
    Grid<ExerciseSummary> grid = new Grid<>();
    grid.setId("exercises");
    // Wrapped, never cut: titles, deadlines, badges and grade texts are read in full at 1280 px.
    grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_WRAP_CELL_CONTENT);
    grid.setAllRowsVisible(true);
    grid.addComponentColumn(
            e -> {
              RouterLink link =
                  new RouterLink(e.title(), ExerciseView.class, new RouteParameters("id", e.id()));
              link.getElement().setAttribute("data-exercise", e.id());
              // The course overview: what the exercise teaches and what it is worth.
              Div about =
                  new Div(
                      Formats.points(e.points())
                          + " points"
                          + (e.teaches().isEmpty() ? "" : " · " + e.teaches()));
              about.getElement().setAttribute("data-teaches", e.id());
              about
                  .getStyle()
                  .set("color", "var(--lumo-secondary-text-color)")
                  .set("font-size", "var(--lumo-font-size-s)");
              return new Div(link, about);
            })
        .setHeader("Exercise")
        .setFlexGrow(6);
    grid.addComponentColumn(
            e -> {
              Div cell = new Div();
              Span due = new Span(Formats.day(e.deadline().due(), zone));
              due.getElement().setAttribute("data-deadline", e.id());
              cell.add(due);
              if (e.deadline().extended()) {
                cell.add(Badge.extendedForYou());
              }
              Div left = new Div(Formats.countdown(e.deadline().due(), clock.instant()));
              left.getStyle()
                  .set("color", "var(--lumo-secondary-text-color)")
                  .set("font-size", "var(--lumo-font-size-s)");
              cell.add(left);
              return cell;
            })
        .setHeader("Your deadline")
        .setWidth("15em")
        .setFlexGrow(0);
    grid.addComponentColumn(e -> score(e, "best", e.best()))
        .setHeader("Best")
        .setAutoWidth(true)
        .setFlexGrow(0);
    grid.addComponentColumn(e -> score(e, "latest", e.latest()))
        .setHeader("Latest")
        .setAutoWidth(true)
        .setFlexGrow(0);
    grid.addComponentColumn(
            e -> {
              Span grade = new Span(gradeText(e));
              grade.getElement().setAttribute("data-grade", e.id());
              if (e.grade().comment() != null) {
                grade.setTitle(e.grade().comment());
              }
              if (e.grade().overridden()) {
                return new Span(
                    grade,
                    Badge.adjusted("Staff set your grade by hand; hover it for their comment."));
              }
              return grade;
            })
        .setHeader("Grade")
        .setFlexGrow(1);
    grid.addComponentColumn(
            e -> {
              Span status = new Span(Badge.status(e.status()));
              if (e.late()) {
                status.add(
                    Badge.late(
                        "Your latest submission that counts arrived after your deadline:"
                            + " the late penalty applies to it."));
              }
              return status;
            })
        .setHeader("Status")
        .setWidth("10em")
        .setFlexGrow(0);
    var exercises = workspace.exercises();
    grid.setItems(exercises);
    add(grid);
    if (exercises.stream().allMatch(e -> e.status() == ExerciseStatus.NOT_STARTED)) {
      add(new Paragraph("Open an exercise to start: your work is saved as you type."));
    }
    add(legend());
  }

  private static Span score(ExerciseSummary e, String which, Double value) {
    Span s = new Span(Formats.score(value, e.maxShown()));
    s.getElement().setAttribute("data-" + which, e.id());
    return s;
  }

  /** What each status and badge means, in the words of their tooltips. */
  private static Details legend() {
    UnorderedList list = new UnorderedList();
    for (ExerciseStatus s : ExerciseStatus.values()) {
      list.add(new ListItem(Badge.status(s), new Span(" " + s.meaning())));
    }
    list.add(
        new ListItem(
            Badge.late(""),
            new Span(
                " Your latest submission that counts arrived after your deadline, in the late"
                    + " period.")));
    list.add(new ListItem(Badge.extended(""), new Span(" Your deadline was extended for you.")));
    list.add(new ListItem(Badge.adjusted(""), new Span(" Staff set your grade by hand.")));
    list.add(
        new ListItem(
            Badge.practice(""),
            new Span(
                " (in your history) Never counts: a practice run, or a submission sent after"
                    + " your submissions closed.")));
    list.getChildren()
        .flatMap(li -> li.getChildren().limit(1))
        .forEach(b -> b.getElement().getStyle().remove("margin-left"));
    list.getStyle().set("list-style", "none").set("padding-left", "0").set("margin", "0");
    list.getChildren()
        .forEach(li -> ((ListItem) li).getStyle().set("margin", "var(--lumo-space-xs) 0"));
    Details legend = new Details("What the statuses and badges mean", list);
    legend.setId("status-legend");
    legend.setOpened(true);
    return legend;
  }

  private static String gradeText(ExerciseSummary e) {
    var g = e.grade();
    return switch (g.state()) {
      case OPEN -> "after the deadline";
      case GRADING -> "being graded";
      case NO_SUBMISSION, GRADED ->
          g.released() ? Formats.score(g.score(), g.maxScore()) : "not yet released";
    };
  }
}
