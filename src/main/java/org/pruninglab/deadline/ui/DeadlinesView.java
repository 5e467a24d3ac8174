package org.pruninglab.deadline.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.NumberField;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import org.pruninglab.account.Account;
import org.pruninglab.account.AccountService;
import org.pruninglab.account.Role;
import org.pruninglab.base.LabProperties;
import org.pruninglab.deadline.AfterLate;
import org.pruninglab.deadline.DeadlineException;
import org.pruninglab.deadline.Deadlines;
import org.pruninglab.deadline.Durations;
import org.pruninglab.deadline.ExerciseSchedule;
import org.pruninglab.deadline.Extension;
import org.pruninglab.deadline.FinalChoice;
import org.pruninglab.deadline.LatePolicy;
import org.pruninglab.deadline.Penalty;
import org.pruninglab.deadline.ScheduleChange;

/**
 * Exercise schedules and extensions. Instructors edit schedules and release grades; TAs and
 * instructors grant extensions, to several students at once. Times are entered and shown in the
 * course's time zone.
 */
@Route("deadlines")
@PageTitle("Deadlines · Pruning Lab")
@Menu(title = "Deadlines", order = 35, icon = "vaadin:calendar-clock")
@RolesAllowed({Role.TA_NAME, Role.INSTRUCTOR_NAME})
class DeadlinesView extends Main {

  private final Deadlines deadlines;
  private final ZoneId zone;
  private final boolean instructor;
  private final Grid<ExerciseSchedule> schedules = new Grid<>();
  private final Grid<Extension> extensions = new Grid<>();
  private final Select<String> extensionExercise = new Select<>();

  DeadlinesView(Deadlines deadlines, AccountService accounts, LabProperties properties) {
    this.deadlines = deadlines;
    this.zone = properties.timeZone();
    this.instructor = accounts.currentAccount().map(a -> a.role() == Role.INSTRUCTOR).orElse(false);
    setId("deadlines-page");
    getStyle().set("padding", "var(--lumo-space-m) var(--lumo-space-l)");
    add(new H2("Deadlines"));
    add(new Paragraph("Times are in " + zone.getId() + "."));

    schedules.setId("schedules");
    schedules.setAllRowsVisible(true);
    schedules.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT);
    schedules.addColumn(ExerciseSchedule::exerciseId).setHeader("Exercise").setAutoWidth(true);
    schedules
        .addColumn(s -> s.release() == null ? "at once" : when(s.release()))
        .setHeader("Opens");
    schedules.addColumn(s -> when(s.due()) + (s.custom() ? "" : " (pack)")).setHeader("Due");
    schedules.addColumn(s -> late(s.late())).setHeader("Late work");
    schedules.addColumn(s -> s.finalChoice().label()).setHeader("Final").setAutoWidth(true);
    schedules.addColumn(this::grades).setHeader("Grades");
    schedules.addColumn(s -> s.leaderboard() ? "on" : "off").setHeader("Leaderboard");
    if (instructor) {
      schedules
          .addComponentColumn(
              s -> {
                Button edit = new Button("Edit", e -> edit(s));
                edit.getElement().setAttribute("data-edit", s.exerciseId());
                Button release = new Button("Release grades", e -> release(s));
                release.getElement().setAttribute("data-release", s.exerciseId());
                release.setEnabled(s.gradesReleasedAt() == null);
                return new HorizontalLayout(edit, release);
              })
          .setAutoWidth(true);
    }
    add(schedules);

    add(new H3("Extensions"));
    extensionExercise.setLabel("Exercise");
    extensionExercise.setId("extension-exercise");
    MultiSelectComboBox<Account> students = new MultiSelectComboBox<>("Students");
    students.setId("extension-students");
    students.setItems(
        accounts.listAccounts().stream().filter(a -> a.role() == Role.STUDENT).toList());
    students.setItemLabelGenerator(a -> a.username() + " (" + a.displayName() + ")");
    DateTimePicker due = new DateTimePicker("New deadline (empty: unchanged)");
    due.setId("extension-due");
    IntegerField lateHours = new IntegerField("Late period, hours (empty: the exercise's)");
    lateHours.setId("extension-late");
    lateHours.setMin(0);
    Button grant = new Button("Grant");
    grant.setId("extension-grant");
    grant.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    Paragraph error = new Paragraph();
    error.setId("extension-error");
    error.getStyle().set("color", "var(--lumo-error-text-color)");
    grant.addClickListener(
        e -> {
          error.setText("");
          try {
            if (extensionExercise.getValue() == null) {
              throw new DeadlineException("Choose an exercise.");
            }
            deadlines.grantExtensions(
                students.getValue().stream().map(Account::id).toList(),
                extensionExercise.getValue(),
                due.getValue() == null ? null : due.getValue().atZone(zone).toInstant(),
                lateHours.getValue() == null ? null : Duration.ofHours(lateHours.getValue()));
            Notification.show(
                "Extension granted to " + students.getValue().size() + " student(s).");
            students.clear();
            refresh();
          } catch (DeadlineException ex) {
            error.setText(ex.getMessage());
          }
        });
    FormLayout form = new FormLayout(extensionExercise, students, due, lateHours);
    add(form, grant, error);

    extensions.setId("extensions");
    extensions.setAllRowsVisible(true);
    extensions.addColumn(Extension::username).setHeader("Student").setAutoWidth(true);
    extensions.addColumn(x -> when(x.due())).setHeader("Deadline");
    extensions
        .addColumn(x -> x.latePeriod() == null ? "the exercise's" : Durations.words(x.latePeriod()))
        .setHeader("Late period");
    extensions.addColumn(x -> x.grantedBy() + ", " + when(x.grantedAt())).setHeader("Granted");
    extensions.addComponentColumn(
        x ->
            new Button(
                "Revoke",
                e -> {
                  deadlines.revokeExtension(x.accountId(), x.exerciseId());
                  refresh();
                }));
    extensionExercise.addValueChangeListener(e -> refreshExtensions());
    add(extensions);
    refresh();
  }

  private void refresh() {
    List<ExerciseSchedule> all = deadlines.schedules();
    schedules.setItems(all);
    String chosen = extensionExercise.getValue();
    extensionExercise.setItems(all.stream().map(ExerciseSchedule::exerciseId).toList());
    extensionExercise.setValue(
        chosen != null ? chosen : all.isEmpty() ? null : all.get(0).exerciseId());
    refreshExtensions();
  }

  private void refreshExtensions() {
    String id = extensionExercise.getValue();
    extensions.setItems(id == null ? List.of() : deadlines.extensions(id));
  }

  private void release(ExerciseSchedule s) {
    deadlines.releaseGrades(s.exerciseId());
    Notification.show("Grades of " + s.exerciseId() + " released to students.");
    refresh();
  }

  private void edit(ExerciseSchedule s) {
    Dialog dialog = new Dialog();
    dialog.setHeaderTitle("Schedule of " + s.exerciseId());
    DateTimePicker release = picker("Opens (empty: at once)", s.release(), "schedule-release");
    DateTimePicker due = picker("Due", s.due(), "schedule-due");
    IntegerField lateHours = new IntegerField("Late period, hours");
    lateHours.setId("schedule-late");
    lateHours.setValue((int) s.late().latePeriod().toHours());
    Select<Penalty> penalty = new Select<>();
    penalty.setLabel("Late penalty");
    penalty.setId("schedule-penalty");
    penalty.setItems(Penalty.values());
    penalty.setItemLabelGenerator(
        p ->
            switch (p) {
              case NONE -> "none";
              case PER_DAY -> "percent per day started";
              case FACTOR -> "percent once";
            });
    penalty.setValue(s.late().penalty());
    NumberField percent = new NumberField("Percent taken off");
    percent.setId("schedule-percent");
    percent.setValue(s.late().percent());
    Select<AfterLate> afterLate = new Select<>();
    afterLate.setLabel("After the late period");
    afterLate.setId("schedule-after");
    afterLate.setItems(AfterLate.values());
    afterLate.setItemLabelGenerator(
        a -> a == AfterLate.REFUSE ? "refuse submissions" : "accept as practice");
    afterLate.setValue(s.late().afterLate());
    Select<FinalChoice> finalChoice = new Select<>();
    finalChoice.setLabel("Graded submission");
    finalChoice.setId("schedule-final");
    finalChoice.setItems(FinalChoice.values());
    finalChoice.setItemLabelGenerator(f -> f == FinalChoice.LAST ? "the last" : "the best");
    finalChoice.setValue(s.finalChoice());
    DateTimePicker gradesAt =
        picker(
            "Release grades automatically at (empty: by hand)",
            s.gradesReleaseAt(),
            "schedule-grades-at");
    Checkbox leaderboard = new Checkbox("Pseudonymous leaderboard for students", s.leaderboard());
    leaderboard.setId("schedule-leaderboard");
    Paragraph error = new Paragraph();
    error.setId("schedule-error");
    error.getStyle().set("color", "var(--lumo-error-text-color)");
    FormLayout form =
        new FormLayout(
            release,
            due,
            lateHours,
            penalty,
            percent,
            afterLate,
            finalChoice,
            gradesAt,
            leaderboard);
    dialog.add(form, error);
    Button save = new Button("Save");
    save.setId("schedule-save");
    save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    save.addClickListener(
        e -> {
          try {
            if (lateHours.isInvalid() || percent.isInvalid()) {
              throw new DeadlineException("Enter numbers for the late period and the penalty.");
            }
            deadlines.updateSchedule(
                s.exerciseId(),
                new ScheduleChange(
                    instant(release.getValue()),
                    instant(due.getValue()),
                    new LatePolicy(
                        Duration.ofHours(lateHours.getValue() == null ? 0 : lateHours.getValue()),
                        penalty.getValue(),
                        percent.getValue() == null ? 0 : percent.getValue(),
                        afterLate.getValue()),
                    finalChoice.getValue(),
                    instant(gradesAt.getValue()),
                    leaderboard.getValue()));
            dialog.close();
            Notification.show("Schedule of " + s.exerciseId() + " saved.");
            refresh();
          } catch (DeadlineException ex) {
            error.setText(ex.getMessage());
          }
        });
    dialog.getFooter().add(new Button("Cancel", e -> dialog.close()), save);
    dialog.open();
  }

  private DateTimePicker picker(String label, Instant value, String id) {
    DateTimePicker p = new DateTimePicker(label);
    p.setId(id);
    p.setValue(value == null ? null : LocalDateTime.ofInstant(value, zone));
    return p;
  }

  private Instant instant(LocalDateTime t) {
    return t == null ? null : t.atZone(zone).toInstant();
  }

  private String when(Instant t) {
    return deadlines.when(t);
  }

  private String grades(ExerciseSchedule s) {
    if (s.gradesReleasedAt() != null) {
      return "released " + when(s.gradesReleasedAt());
    }
    return s.gradesReleaseAt() != null
        ? "released at " + when(s.gradesReleaseAt())
        : "not released";
  }

  private static String late(LatePolicy p) {
    if (p.latePeriod().isZero()) {
      return "no late period; after: "
          + (p.afterLate() == AfterLate.REFUSE ? "refused" : "practice");
    }
    String cost =
        switch (p.penalty()) {
          case NONE -> "no penalty";
          case PER_DAY -> LatePolicy.percent(p.percent()) + " per day";
          case FACTOR -> LatePolicy.percent(p.percent()) + " once";
        };
    return Durations.words(p.latePeriod())
        + ", "
        + cost
        + "; after: "
        + (p.afterLate() == AfterLate.REFUSE ? "refused" : "practice");
  }
}
