package org.pruninglab.review.ui;

import com.vaadin.flow.component.Text;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.NumberField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import jakarta.annotation.security.RolesAllowed;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.pruninglab.account.AccountService;
import org.pruninglab.account.Role;
import org.pruninglab.base.LabProperties;
import org.pruninglab.deadline.Deadlines;
import org.pruninglab.deadline.Durations;
import org.pruninglab.gradebook.AuditEntry;
import org.pruninglab.gradebook.GradeOfRecord;
import org.pruninglab.gradebook.GradebookException;
import org.pruninglab.gradebook.GradebookService;
import org.pruninglab.gradebook.Scores;
import org.pruninglab.submission.PhaseTime;
import org.pruninglab.submission.Submission;
import org.pruninglab.submission.SubmissionService;
import org.pruninglab.workspace.HistoryItem;
import org.pruninglab.workspace.WorkspaceService;
import org.pruninglab.workspace.ui.Badge;
import org.pruninglab.workspace.ui.CodeEditor;
import org.pruninglab.workspace.ui.DiffDialog;
import org.pruninglab.workspace.ui.Formats;
import org.pruninglab.workspace.ui.HistoryPanel;
import org.pruninglab.workspace.ui.PicturesPanel;
import org.pruninglab.workspace.ui.ResultPanel;

/**
 * One submission as staff review it: the student's grade of record with overrides and the audit
 * log, regrades with the difference to the earlier result, the code, every test (hidden ones
 * included), metrics and pictures, the grading phases, and the student's history with a diff.
 */
@Route("review/:id")
@PageTitle("Review · Pruning Lab")
@RolesAllowed({Role.TA_NAME, Role.INSTRUCTOR_NAME})
class ReviewView extends Main implements BeforeEnterObserver {

  private final SubmissionService submissions;
  private final AccountService accounts;
  private final WorkspaceService workspace;
  private final GradebookService gradebook;
  private final Deadlines deadlines;
  private final ZoneId zone;

  ReviewView(
      SubmissionService submissions,
      AccountService accounts,
      WorkspaceService workspace,
      GradebookService gradebook,
      Deadlines deadlines,
      LabProperties properties) {
    this.submissions = submissions;
    this.accounts = accounts;
    this.workspace = workspace;
    this.gradebook = gradebook;
    this.deadlines = deadlines;
    this.zone = properties.timeZone();
    setId("review-page");
    getStyle().set("padding", "var(--lumo-space-m) var(--lumo-space-l)");
  }

  @Override
  public void beforeEnter(BeforeEnterEvent event) {
    removeAll();
    // A mistyped address ("/review/abc") is "no such submission", not an error.
    Optional<Submission> found =
        event
            .getRouteParameters()
            .get("id")
            .filter(id -> id.matches("[0-9]{1,18}"))
            .map(Long::valueOf)
            .flatMap(submissions::find);
    if (found.isEmpty()) {
      add(new H2("No such submission"));
      add(new Paragraph("There is no submission with that number."));
      return;
    }
    show(found.get());
  }

  private void show(Submission s) {
    HistoryItem item = workspace.item(s.id()).orElseThrow();
    add(new H2("Submission #" + s.id() + " · " + nameOf(s) + " · " + s.exerciseId()));
    Paragraph meta =
        new Paragraph(
            Formats.kind(item)
                + ", made "
                + Formats.when(s.submittedAt(), zone)
                + (s.originId() != null ? ", grading the source of #" + s.originId() : "")
                + (item.result() == null ? " — not graded yet." : "."));
    Badge.of(item).forEach(meta::add);
    meta.setId("review-meta");
    add(meta);

    add(gradePanel(s));

    Button regrade = new Button("Regrade this submission");
    regrade.setId("regrade");
    regrade.addClickListener(
        e -> {
          long id = gradebook.regradeSubmission(s.id());
          Notification.show("Queued as regrade #" + id + "; the old result is kept.");
          getUI()
              .ifPresent(
                  ui ->
                      ui.navigate(
                          ReviewView.class, params(s.originId() != null ? s.originId() : s.id())));
        });
    add(regrade);
    add(gradings(s));

    add(new H3("Code"));
    CodeEditor code = new CodeEditor();
    code.setReadOnly();
    code.setHeight("420px");
    code.setValue(workspace.source(s.id()).orElse(""));
    add(code);

    add(new H3("Results"));
    ResultPanel result = new ResultPanel(zone, line -> code.focusLine(line));
    result.show(item);
    add(result);
    PicturesPanel pictures = new PicturesPanel();
    if (item.result() != null) {
      pictures.show(item.result(), List.of());
    }
    add(pictures);

    add(new H3("Grading phases"));
    Div phases = new Div();
    phases.setId("review-phases");
    for (PhaseTime p : submissions.phases(s.id())) {
      phases.add(new Paragraph(p.phase().label() + ": " + Formats.clock(p.at(), zone)));
    }
    Paragraph graded = new Paragraph();
    graded.setId("review-graded-on");
    submissions.gradingRun(s.id()).ifPresent(run -> graded.setText("Graded on: " + run.describe()));
    phases.add(graded);
    if (s.result() != null && s.result().packVersion() != null) {
      phases.add(packVersion(s.result().packVersion()));
    }
    add(phases);

    add(new H3("History of " + nameOf(s) + " in " + s.exerciseId()));
    HistoryPanel history =
        new HistoryPanel(
            zone,
            h -> getUI().ifPresent(ui -> ui.navigate(ReviewView.class, params(h.id()))),
            (a, b) ->
                new DiffDialog(
                        "#" + a.id(),
                        workspace.source(a.id()).orElse(""),
                        "#" + b.id(),
                        workspace.source(b.id()).orElse(""))
                    .open());
    history.setItems(workspace.historyOf(s.accountId(), s.exerciseId()));
    add(history);
  }

  /**
   * Which version of the exercise's tests graded the result, shortened as git shortens commits; the
   * whole hash is the tooltip. Staff only: the student's pages never carry it.
   */
  private static Paragraph packVersion(String sha256) {
    Span hash = new Span(sha256.substring(0, Math.min(12, sha256.length())));
    hash.setId("review-pack-version");
    hash.getElement().setAttribute("title", sha256);
    return new Paragraph(new Text("Tests version: "), hash);
  }

  /** Who made the submission: the account feature knows the names. */
  private String nameOf(Submission s) {
    return accounts
        .usernames(List.of(s.accountId()))
        .getOrDefault(s.accountId(), "account #" + s.accountId());
  }

  private Div gradePanel(Submission s) {
    Div panel = new Div();
    panel.setId("grade-panel");
    panel.add(new H3("Grade of record"));
    Optional<GradeOfRecord> found = gradebook.grade(s.accountId(), s.exerciseId());
    if (found.isEmpty()) {
      var d = deadlines.effective(s.accountId(), s.exerciseId()).orElseThrow();
      panel.add(
          new Paragraph(
              "None yet: it is made when "
                  + nameOf(s)
                  + "'s submissions close ("
                  + Formats.when(d.closes(), zone)
                  + ")."));
      return panel;
    }
    GradeOfRecord g = found.get();
    Paragraph line = new Paragraph(describe(g));
    line.setId("grade-of-record");
    if (!g.late().isZero()) {
      line.add(Badge.lateFinal());
    }
    if (g.overridden()) {
      line.add(Badge.adjusted());
    }
    panel.add(line);
    if (g.overridden()) {
      Paragraph comment = new Paragraph("Override comment: " + g.overrideComment());
      comment.setId("override-comment-shown");
      panel.add(comment);
    }

    NumberField score = new NumberField("New score (0 to " + Scores.points(g.maxScore()) + ")");
    score.setId("override-score");
    score.setStep(0.5);
    TextArea comment = new TextArea("Why (the student sees this)");
    comment.setId("override-comment");
    comment.setMaxLength(GradebookService.MAX_COMMENT);
    comment.setWidth("28em");
    Button save = new Button("Override score");
    save.setId("override-save");
    save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    Paragraph error = new Paragraph();
    error.setId("override-error");
    error.getStyle().set("color", "var(--lumo-error-text-color)");
    save.addClickListener(
        e -> {
          if (score.getValue() == null) {
            error.setText("Enter the new score.");
            return;
          }
          try {
            gradebook.override(s.accountId(), s.exerciseId(), score.getValue(), comment.getValue());
            Notification.show("Score overridden.")
                .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            getUI().ifPresent(ui -> ui.navigate(ReviewView.class, params(s.id())));
          } catch (GradebookException ex) {
            error.setText(ex.getMessage());
          }
        });
    HorizontalLayout form = new HorizontalLayout(score, comment, save);
    form.setAlignItems(HorizontalLayout.Alignment.BASELINE);
    panel.add(form, error);
    if (g.overridden()) {
      Button clear = new Button("Remove override (uses the comment)");
      clear.setId("override-clear");
      clear.addClickListener(
          e -> {
            try {
              gradebook.clearOverride(s.accountId(), s.exerciseId(), comment.getValue());
              getUI().ifPresent(ui -> ui.navigate(ReviewView.class, params(s.id())));
            } catch (GradebookException ex) {
              error.setText(ex.getMessage());
            }
          });
      panel.add(clear);
    }

    Grid<AuditEntry> audit = new Grid<>();
    audit.setId("audit");
    audit.setAllRowsVisible(true);
    audit.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT, GridVariant.LUMO_COMPACT);
    audit.addColumn(a -> Formats.clock(a.at(), zone)).setHeader("When").setAutoWidth(true);
    audit.addColumn(AuditEntry::actor).setHeader("Who").setAutoWidth(true);
    audit.addColumn(AuditEntry::action).setHeader("What").setAutoWidth(true);
    audit
        .addColumn(
            a ->
                (a.oldScore() == null ? "—" : Scores.points(a.oldScore()))
                    + " → "
                    + (a.newScore() == null ? "(grading)" : Scores.points(a.newScore())))
        .setHeader("Score")
        .setAutoWidth(true);
    audit.addColumn(a -> a.reason() == null ? "" : a.reason()).setHeader("Why").setFlexGrow(1);
    audit.setItems(gradebook.audit(s.accountId(), s.exerciseId()));
    panel.add(new Paragraph("Audit log"), audit);
    return panel;
  }

  private static String describe(GradeOfRecord g) {
    String score =
        g.score() == null
            ? "being graded"
            : Scores.points(g.score()) + " / " + Scores.points(g.maxScore());
    StringBuilder out = new StringBuilder(score);
    switch (g.state()) {
      case NO_SUBMISSION -> out.append(" — no submission before the deadline");
      case GRADED, GRADING -> {
        out.append(" — final submission #").append(g.finalId());
        if (!g.late().isZero()) {
          out.append(", late by ")
              .append(Durations.words(g.late()))
              .append(" (score × ")
              .append(Scores.factor(g.penaltyFactor()))
              .append(")");
        }
        if (g.overridden()) {
          out.append("; set by staff, computed ").append(Scores.points(g.computedScore()));
        }
      }
      case OPEN -> {}
    }
    return out.toString();
  }

  /** Earlier results of this submission and what each regrade changed. */
  private Div gradings(Submission s) {
    Div out = new Div();
    out.setId("regrades");
    var list = submissions.gradingsOf(s.id());
    if (list.isEmpty()) {
      return out;
    }
    out.add(new H3("Gradings of this submission's source"));
    Double previous = s.result() == null ? null : s.result().score();
    for (Submission g : list) {
      String score = g.result() == null ? "not graded yet" : Scores.points(g.result().score());
      String diff = "";
      if (g.result() != null && previous != null) {
        double d = g.result().score() - previous;
        diff = d == 0 ? " (no change)" : String.format(Locale.ROOT, " (%+.2f)", d);
      }
      out.add(
          new Paragraph(
              "#"
                  + g.id()
                  + " "
                  + g.kind().label()
                  + ", "
                  + Formats.clock(g.submittedAt(), zone)
                  + ": "
                  + score
                  + diff));
      if (g.result() != null) {
        previous = g.result().score();
      }
    }
    return out;
  }

  private static RouteParameters params(long id) {
    return new RouteParameters("id", String.valueOf(id));
  }
}
