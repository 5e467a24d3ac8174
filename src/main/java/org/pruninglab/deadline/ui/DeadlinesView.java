package org.pruninglab.deadline.ui;

import com.vaadin.flow.component.HasValue;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.NumberField;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
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

  /** A deadline closer than this is one students may be working against right now. */
  private static final Duration SOON = Duration.ofHours(1);

  private static final DateTimeFormatter CELL =
      DateTimeFormatter.ofPattern("EEE d MMM yyyy, HH:mm", Locale.ENGLISH);

  private final Deadlines deadlines;
  private final ZoneId zone;
  private final Clock clock;
  private final boolean instructor;
  private final Grid<ExerciseSchedule> schedules = new Grid<>();
  private final Grid<Extension> extensions = new Grid<>();
  private final Select<String> extensionExercise = new Select<>();
  private Notification lastUndo;

  DeadlinesView(
      Deadlines deadlines, AccountService accounts, LabProperties properties, Clock clock) {
    this.deadlines = deadlines;
    this.zone = properties.timeZone();
    this.clock = clock;
    this.instructor = accounts.currentAccount().map(a -> a.role() == Role.INSTRUCTOR).orElse(false);
    setId("deadlines-page");
    getStyle().set("padding", "var(--lumo-space-m) var(--lumo-space-l)");
    add(new H2("Deadlines"));
    add(new Paragraph("Times are in " + zone.getId() + ", on a 24-hour clock."));

    schedules.setId("schedules");
    schedules.setAllRowsVisible(true);
    schedules.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT);
    // Widths that fit the longest word of each column, so that text wraps rather than ends in an
    // ellipsis; the zone is said once above the table rather than in every cell.
    schedules
        .addColumn(ExerciseSchedule::exerciseId)
        .setHeader("Exercise")
        .setAutoWidth(true)
        .setFlexGrow(0);
    schedules
        .addColumn(s -> s.release() == null ? "at once" : cell(s.release()))
        .setHeader("Opens")
        .setWidth("5.5rem");
    schedules
        .addColumn(s -> cell(s.due()) + (s.custom() ? "" : " (pack)"))
        .setHeader("Due")
        .setWidth("8rem");
    schedules.addColumn(s -> late(s.late())).setHeader("Late work").setWidth("6.5rem");
    schedules
        .addColumn(s -> s.finalChoice().label())
        .setHeader("Final")
        .setAutoWidth(true)
        .setFlexGrow(0);
    schedules.addColumn(this::grades).setHeader("Grades").setWidth("8rem");
    schedules
        .addColumn(s -> s.leaderboard() ? "on" : "off")
        .setHeader("Leaderboard")
        .setAutoWidth(true)
        .setFlexGrow(0);
    if (instructor) {
      schedules
          .addComponentColumn(
              s -> {
                Button edit = new Button("Edit", e -> edit(s));
                edit.getElement().setAttribute("data-edit", s.exerciseId());
                Button other;
                if (s.gradesReleased(clock.instant())) {
                  other = new Button("Withdraw release", e -> confirmWithdraw(s));
                  other.getElement().setAttribute("data-withdraw", s.exerciseId());
                } else {
                  other = new Button("Release grades", e -> confirmRelease(s));
                  other.getElement().setAttribute("data-release", s.exerciseId());
                }
                edit.addThemeVariants(ButtonVariant.LUMO_SMALL);
                other.addThemeVariants(ButtonVariant.LUMO_SMALL);
                VerticalLayout actions = new VerticalLayout(edit, other);
                actions.setPadding(false);
                actions.setSpacing(false);
                actions.getStyle().set("gap", "var(--lumo-space-xs)");
                return actions;
              })
          .setAutoWidth(true)
          .setFlexGrow(0);
    }
    add(schedules);

    add(new H3("Extensions"));
    extensionExercise.setLabel("Exercise");
    extensionExercise.setId("extension-exercise");
    MultiSelectComboBox<Account> students = new MultiSelectComboBox<>("Students");
    students.setId("extension-students");
    students.setItems(
        accounts.listAccounts().stream().filter(a -> a.role() == Role.STUDENT).toList());
    students.setItemLabelGenerator(StudentMatch::label);
    DateTimePicker due = picker("New deadline (empty: unchanged)", null, "extension-due");
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
    // A typed username or name and Enter choose that student, as people expect of a search box.
    students.setAllowCustomValue(true);
    students.addCustomValueSetListener(
        e -> {
          List<Account> matches = StudentMatch.matching(e.getDetail(), allStudents(students));
          if (matches.size() == 1) {
            students.select(matches.get(0));
            error.setText("");
          } else {
            error.setText(StudentMatch.problem(e.getDetail(), matches));
          }
        });
    clearOnChange(error, extensionExercise, students, due, lateHours);
    FormLayout form = new FormLayout(extensionExercise, students, due, lateHours);
    add(form, grant, error);

    extensions.setId("extensions");
    extensions.setAllRowsVisible(true);
    extensions.addColumn(Extension::username).setHeader("Student").setAutoWidth(true);
    extensions.addColumn(x -> cell(x.due())).setHeader("Deadline");
    extensions
        .addColumn(x -> x.latePeriod() == null ? "the exercise's" : Durations.words(x.latePeriod()))
        .setHeader("Late period");
    extensions.addColumn(x -> x.grantedBy() + ", " + cell(x.grantedAt())).setHeader("Granted");
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

  private void confirmRelease(ExerciseSchedule s) {
    String id = s.exerciseId();
    Instant now = clock.instant();
    Instant lastClose = lastClose(s);
    String warning =
        now.isBefore(s.due())
            ? "The deadline, "
                + when(s.due())
                + ", has not passed yet: students can still submit, and a student's grade of"
                + " record is made only when their submissions close. "
            : now.isBefore(lastClose)
                ? "Some students can still submit until "
                    + when(lastClose)
                    + " (late period or extensions); their grades of record come later. "
                : "";
    confirm(
        "Release the grades of " + id + "?",
        warning
            + "Students will see their grade of record, the late penalty and staff comments."
            + " You can withdraw the release afterwards.",
        "Release grades",
        "confirm-release",
        !warning.isEmpty(),
        () -> setReleased(id, true));
  }

  private void confirmWithdraw(ExerciseSchedule s) {
    String id = s.exerciseId();
    confirm(
        "Withdraw the release of " + id + "'s grades?",
        "Students will again see \"Grading complete, not yet released.\" instead of their score"
            + " until the grades are released again. Grades themselves do not change.",
        "Withdraw release",
        "confirm-withdraw",
        true,
        () -> setReleased(id, false));
  }

  /** Releases or withdraws, and offers to undo that. */
  private void setReleased(String id, boolean release) {
    Runnable doRelease = () -> deadlines.releaseGrades(id);
    Runnable withdraw = () -> deadlines.withdrawGradeRelease(id);
    (release ? doRelease : withdraw).run();
    undoable(
        release
            ? "Grades of " + id + " released to students."
            : "Release of " + id + "'s grades withdrawn.",
        release ? "undo-release" : "undo-withdraw",
        release ? withdraw : doRelease);
  }

  /** When the last student's submissions close: the deadline or the latest extension, plus late. */
  private Instant lastClose(ExerciseSchedule s) {
    Instant last = s.due().plus(s.late().latePeriod());
    for (Extension x : deadlines.extensions(s.exerciseId())) {
      Instant close = x.due().plus(x.latePeriod() == null ? s.late().latePeriod() : x.latePeriod());
      last = close.isAfter(last) ? close : last;
    }
    return last;
  }

  private void confirm(
      String header,
      String text,
      String action,
      String buttonId,
      boolean warn,
      Runnable onConfirm) {
    ConfirmDialog dialog = new ConfirmDialog();
    dialog.setId(buttonId + "-dialog");
    dialog.setHeader(header);
    dialog.setText(text);
    dialog.setCancelable(true);
    Button confirm = new Button(action);
    confirm.setId(buttonId);
    confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    if (warn) {
      confirm.addThemeVariants(ButtonVariant.LUMO_ERROR);
    }
    dialog.setConfirmButton(confirm);
    dialog.addConfirmListener(
        e -> {
          try {
            onConfirm.run();
          } catch (DeadlineException ex) {
            Notification.show(ex.getMessage(), 6000, Notification.Position.MIDDLE)
                .addThemeVariants(NotificationVariant.LUMO_ERROR);
          }
          refresh();
        });
    dialog.open();
  }

  /** Says what was done, with a button that takes it back (for ten seconds). */
  private void undoable(String message, String undoId, Runnable undo) {
    // Only the latest step can be undone: an older notice would undo out of order.
    if (lastUndo != null) {
      lastUndo.close();
    }
    Notification notice = new Notification();
    lastUndo = notice;
    notice.setDuration(10_000);
    notice.setPosition(Notification.Position.BOTTOM_START);
    Button undoButton = new Button("Undo");
    undoButton.setId(undoId);
    undoButton.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
    undoButton.addClickListener(
        e -> {
          notice.close();
          try {
            undo.run();
            Notification.show("Undone.");
          } catch (DeadlineException ex) {
            Notification.show(ex.getMessage(), 6000, Notification.Position.MIDDLE)
                .addThemeVariants(NotificationVariant.LUMO_ERROR);
          }
          refresh();
        });
    HorizontalLayout content = new HorizontalLayout(new Span(message), undoButton);
    content.setAlignItems(FlexComponent.Alignment.CENTER);
    notice.add(content);
    notice.open();
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
    form.getChildren()
        .filter(HasValue.class::isInstance)
        .forEach(field -> clearOnChange(error, (HasValue<?, ?>) field));
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
            ScheduleChange change =
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
                    leaderboard.getValue());
            deadlines.checkSchedule(change);
            String risk = deadlineRisk(s.due(), change.due());
            if (risk.isEmpty()) {
              save(s, change, dialog, error);
            } else {
              confirm(
                  "Move the deadline of " + s.exerciseId() + "?",
                  risk,
                  "Move the deadline",
                  "confirm-move-deadline",
                  true,
                  () -> save(s, change, dialog, error));
            }
          } catch (DeadlineException ex) {
            error.setText(ex.getMessage());
          }
        });
    dialog.getFooter().add(new Button("Cancel", e -> dialog.close()), save);
    dialog.open();
  }

  private void save(ExerciseSchedule old, ScheduleChange change, Dialog dialog, Paragraph error) {
    try {
      deadlines.updateSchedule(old.exerciseId(), change);
    } catch (DeadlineException ex) {
      error.setText(ex.getMessage());
      return;
    }
    dialog.close();
    ScheduleChange before =
        new ScheduleChange(
            old.release(),
            old.due(),
            old.late(),
            old.finalChoice(),
            old.gradesReleaseAt(),
            old.leaderboard());
    undoable(
        "Schedule of " + old.exerciseId() + " saved.",
        "undo-schedule",
        () -> deadlines.updateSchedule(old.exerciseId(), before));
    refresh();
  }

  /**
   * Why moving a deadline from {@code from} to {@code to} deserves a second look (empty: it does
   * not): a deadline that has passed or is less than an hour away is one students and the
   * autograder act on.
   */
  private String deadlineRisk(Instant from, Instant to) {
    if (to == null || to.equals(from)) {
      return "";
    }
    Instant now = clock.instant();
    Instant soon = now.plus(SOON);
    StringBuilder risk = new StringBuilder();
    if (!from.isAfter(now)) {
      risk.append("The current deadline, ")
          .append(when(from))
          .append(", has already passed: students' submissions may have closed and been graded;")
          .append(" grades of record already made stay as they are. ");
    } else if (from.isBefore(soon)) {
      risk.append("The current deadline, ")
          .append(when(from))
          .append(", is less than an hour away: students may be submitting for it now. ");
    }
    if (!to.isAfter(now)) {
      risk.append("The new deadline, ")
          .append(when(to))
          .append(", has already passed: submissions close at once and are graded. ");
    } else if (to.isBefore(soon)) {
      risk.append("The new deadline, ").append(when(to)).append(", is less than an hour away. ");
    }
    return risk.isEmpty()
        ? ""
        : risk.append("You can undo the change right after saving.").toString();
  }

  /** A date and time picker in the course's time zone, in the format the pages show. */
  private DateTimePicker picker(String label, Instant value, String id) {
    DateTimePicker p = new DateTimePicker(label);
    p.setId(id);
    // en-GB: a 24-hour clock in the time picker; the dates follow the pages' own format.
    p.setLocale(Locale.UK);
    p.setDatePickerI18n(
        new DatePicker.DatePickerI18n()
            .setDateFormats("EEE d MMM yyyy", "d MMM yyyy", "yyyy-MM-dd", "d/M/yyyy", "d.M.yyyy")
            .setFirstDayOfWeek(1));
    p.setHelperText(zone.getId() + ", 24-hour clock");
    p.setValue(value == null ? null : LocalDateTime.ofInstant(value, zone));
    return p;
  }

  /** A message about a field's old value goes as soon as any of the fields changes. */
  private static void clearOnChange(Paragraph error, HasValue<?, ?>... fields) {
    for (HasValue<?, ?> field : fields) {
      field.addValueChangeListener(e -> error.setText(""));
    }
  }

  private static List<Account> allStudents(MultiSelectComboBox<Account> box) {
    return box.getListDataView().getItems().toList();
  }

  private Instant instant(LocalDateTime t) {
    return t == null ? null : t.atZone(zone).toInstant();
  }

  private String when(Instant t) {
    return deadlines.when(t);
  }

  /** A time in a table cell: as {@link #when} without the zone, which the page states once. */
  private String cell(Instant t) {
    return CELL.format(t.atZone(zone));
  }

  private String grades(ExerciseSchedule s) {
    if (s.gradesReleasedAt() != null) {
      return "released " + cell(s.gradesReleasedAt());
    }
    if (s.gradesReleaseAt() != null) {
      return (s.gradesReleased(clock.instant()) ? "released " : "to be released at ")
          + cell(s.gradesReleaseAt());
    }
    return deadlines.gradeReleases(s.exerciseId()).stream()
        .findFirst()
        .filter(last -> !last.released())
        .map(last -> "not released (withdrawn " + cell(last.at()) + " by " + last.by() + ")")
        .orElse("not released");
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
