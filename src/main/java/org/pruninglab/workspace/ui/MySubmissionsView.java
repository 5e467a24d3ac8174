package org.pruninglab.workspace.ui;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import jakarta.annotation.security.PermitAll;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.pruninglab.base.LabProperties;
import org.pruninglab.submission.SubmissionKind;
import org.pruninglab.workspace.ExerciseSummary;
import org.pruninglab.workspace.HistoryItem;
import org.pruninglab.workspace.WorkspaceService;

/** All of the student's runs and submissions across exercises, filterable; a row opens it. */
@Route("submissions")
@PageTitle("My submissions · Pruning Lab")
@Menu(title = "My submissions", order = 20, icon = "vaadin:records")
@PermitAll
class MySubmissionsView extends Main {

  private static final String ALL = "All exercises";
  private static final String ANY_KIND = "Runs and submissions";
  private static final String ONLY_SUBMISSIONS = "Submissions only";
  private static final String ONLY_RUNS = "Practice runs only";

  MySubmissionsView(WorkspaceService workspace, LabProperties properties) {
    ZoneId zone = properties.timeZone();
    setId("my-submissions");
    getStyle().set("padding", "var(--lumo-space-m) var(--lumo-space-l)");
    add(new H2("My submissions"));
    List<HistoryItem> all = workspace.allHistory();
    Map<String, String> titles = new LinkedHashMap<>();
    for (ExerciseSummary e : workspace.exercises()) {
      titles.put(e.id(), e.title());
    }

    Select<String> exercise = new Select<>();
    exercise.setId("filter-exercise");
    exercise.setLabel("Exercise");
    List<String> choices = new ArrayList<>();
    choices.add(ALL);
    choices.addAll(titles.keySet());
    exercise.setItems(choices);
    exercise.setItemLabelGenerator(id -> ALL.equals(id) ? ALL : titles.getOrDefault(id, id));
    exercise.setValue(ALL);
    exercise.setWidth("24em");
    Select<String> kind = new Select<>();
    kind.setId("filter-kind");
    kind.setLabel("Kind");
    kind.setItems(ANY_KIND, ONLY_SUBMISSIONS, ONLY_RUNS);
    kind.setValue(ANY_KIND);
    kind.setWidth("16em");

    Grid<HistoryItem> grid = new Grid<>();
    grid.setId("submissions-grid");
    // Titles and verdicts wrap rather than end in "…": a student reads them whole.
    grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_WRAP_CELL_CONTENT);
    grid.addColumn(h -> "#" + h.id()).setHeader("#").setAutoWidth(true).setFlexGrow(0);
    grid.addColumn(h -> titles.getOrDefault(h.exerciseId(), h.exerciseId()))
        .setHeader("Exercise")
        .setFlexGrow(2);
    grid.addColumn(h -> Formats.clock(h.submittedAt(), zone)).setHeader("When").setAutoWidth(true);
    grid.addComponentColumn(HistoryPanel::kind).setHeader("Kind").setAutoWidth(true);
    grid.addColumn(
            h ->
                h.result() == null
                    ? h.status().name().toLowerCase(Locale.ROOT)
                    : h.result().headline())
        .setHeader("Result")
        .setFlexGrow(3);
    grid.addColumn(Formats::score).setHeader("Score").setAutoWidth(true);
    grid.addItemClickListener(
        e ->
            getUI()
                .ifPresent(
                    ui ->
                        ui.navigate(
                            ExerciseView.class,
                            new RouteParameters("id", e.getItem().exerciseId()),
                            QueryParameters.of("open", String.valueOf(e.getItem().id())))));
    Runnable filter =
        () ->
            grid.setItems(
                all.stream()
                    .filter(
                        h ->
                            ALL.equals(exercise.getValue())
                                || h.exerciseId().equals(exercise.getValue()))
                    .filter(
                        h ->
                            ANY_KIND.equals(kind.getValue())
                                || (ONLY_RUNS.equals(kind.getValue())
                                    == (h.kind() == SubmissionKind.RUN)))
                    .toList());
    exercise.addValueChangeListener(e -> filter.run());
    kind.addValueChangeListener(e -> filter.run());
    filter.run();
    add(new HorizontalLayout(exercise, kind), grid);
  }
}
