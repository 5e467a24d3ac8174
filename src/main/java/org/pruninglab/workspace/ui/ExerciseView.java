package org.pruninglab.workspace.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.dependency.CssImport;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.splitlayout.SplitLayout;
import com.vaadin.flow.component.tabs.TabSheet;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.LongSupplier;
import org.pruninglab.account.AccountService;
import org.pruninglab.base.LabProperties;
import org.pruninglab.grading.GradingProgress.Phase;
import org.pruninglab.submission.GradingEvents;
import org.pruninglab.submission.GradingUpdate;
import org.pruninglab.submission.Submission;
import org.pruninglab.submission.SubmissionException;
import org.pruninglab.submission.SubmissionKind;
import org.pruninglab.submission.SubmissionService;
import org.pruninglab.submission.SubmissionStatus;
import org.pruninglab.workspace.Draft;
import org.pruninglab.workspace.DraftConflictException;
import org.pruninglab.workspace.DraftException;
import org.pruninglab.workspace.DraftHistoryEntry;
import org.pruninglab.workspace.DraftService;
import org.pruninglab.workspace.ExerciseDetails;
import org.pruninglab.workspace.HistoryItem;
import org.pruninglab.workspace.WorkspaceService;

/**
 * The exercise page: statement on the left; on the right the editor (autosaved), run and submit,
 * live progress pushed from the grading queue, and tabs for results, pictures, the history of runs
 * and the earlier drafts. An earlier run opens read-only beside its result, never next to the
 * current draft, and can be restored into the editor.
 */
@Route("exercise/:id")
@PermitAll
@CssImport("./styles/workspace.css")
class ExerciseView extends Div implements BeforeEnterObserver, HasDynamicTitle {

  private final WorkspaceService workspace;
  private final DraftService drafts;
  private final SubmissionService submissions;
  private final GradingEvents events;
  private final AccountService accounts;
  private final Clock clock;
  private final ZoneId zone;

  private ExerciseDetails details;
  private Draft draft;
  private String savedText;
  private Long watching;

  /** Whether the job followed is a practice run (which its student may cancel). */
  private boolean watchingRun;

  private Runnable unsubscribe;

  /** The history as last shown, newest first: a finished job replaces its row here. */
  private List<HistoryItem> items = List.of();

  private final CodeEditor editor = new CodeEditor();
  private final Span saveState = new Span();
  private final Div conflict = new Div();
  private final ProgressBar progressBar = new ProgressBar();
  private final Span progressText = new Span();
  private final Div progress = new Div();
  private final Button run = new Button("Run public tests");
  private final Button submit = new Button("Submit");
  private final Button reset = new Button("Reset to starter");
  private final Button cancel = new Button("Cancel run");
  private final TabSheet tabs = new TabSheet();
  private ResultPanel results;
  private final PicturesPanel pictures = new PicturesPanel();
  private HistoryPanel history;
  private DraftHistoryPanel earlierDrafts;

  /** The run the Results tab shows (its line links point into its code). */
  private HistoryItem shownResult;

  ExerciseView(
      WorkspaceService workspace,
      DraftService drafts,
      SubmissionService submissions,
      GradingEvents events,
      AccountService accounts,
      LabProperties properties,
      Clock clock) {
    this.workspace = workspace;
    this.drafts = drafts;
    this.submissions = submissions;
    this.events = events;
    this.accounts = accounts;
    this.clock = clock;
    this.zone = properties.timeZone();
    setId("exercise-page");
    addClassName("exercise-page");
    setSizeFull();
  }

  @Override
  public String getPageTitle() {
    return (details == null ? "Exercise" : details.title()) + " · Pruning Lab";
  }

  @Override
  public void beforeEnter(BeforeEnterEvent event) {
    String id = event.getRouteParameters().get("id").orElse("");
    Optional<ExerciseDetails> found = workspace.exercise(id);
    if (found.isEmpty()) {
      removeAll();
      add(new H2("No such exercise"));
      add(new Paragraph("There is no exercise called '" + id + "' on offer right now."));
      return;
    }
    details = found.get();
    build();
    event
        .getLocation()
        .getQueryParameters()
        .getSingleParameter("open")
        .ifPresent(
            asked ->
                parseId(asked)
                    .flatMap(workspace::item)
                    .filter(h -> h.exerciseId().equals(details.id()))
                    .ifPresentOrElse(
                        this::openEarlier,
                        () ->
                            Notification.show(
                                    "There is no submission #"
                                        + asked.replaceAll("[^0-9A-Za-z]", "")
                                        + " of yours in this exercise.")
                                .addThemeVariants(NotificationVariant.LUMO_ERROR)));
  }

  private Optional<Long> parseId(String s) {
    try {
      return Optional.of(Long.parseLong(s));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  private void build() {
    removeAll();
    results = new ResultPanel(zone, this::goToLine);
    history = new HistoryPanel(zone, this::openEarlier, this::diff);
    earlierDrafts = new DraftHistoryPanel(zone, this::viewDraft, this::confirmRestoreDraft);

    Div statementSide = new Div();
    statementSide.addClassName("statement-side");
    // It scrolls, so it must take keyboard focus (WCAG 2.1.1); as a named region it is announced.
    statementSide.getElement().setAttribute("tabindex", "0");
    statementSide.getElement().setAttribute("role", "region");
    statementSide.getElement().setAttribute("aria-label", "Exercise statement");
    Paragraph deadline =
        new Paragraph("Your deadline: " + Formats.when(details.deadline().due(), zone));
    if (details.deadline().extended()) {
      deadline.add(Badge.extendedForYou());
    }
    deadline.add(
        new Span(
            " — "
                + Formats.countdown(details.deadline().due(), clock.instant())
                + ". "
                + details.publicTests()
                + " public tests, "
                + details.hiddenTests()
                + " hidden tests, "
                + Formats.points(details.points())
                + " points."));
    deadline.setId("exercise-deadline");
    deadline.addClassName("deadline");
    // The statement's own first heading is the page's title.
    statementSide.add(deadline, gradeLine(details), new MarkdownView(details.statementMarkdown()));

    draft = drafts.load(details.id());
    savedText = draft.source();
    editor.setValue(draft.source());
    editor.setStorageKey(
        "pruninglab.draft."
            + accounts.currentAccount().map(a -> a.username()).orElse("?")
            + "."
            + details.id());
    editor.addChangeListener(this::save);
    editor.addSaveListener(
        text -> {
          save(text);
          Notification.show("Saved", 1500, Notification.Position.BOTTOM_START);
        });
    editor.addRunListener(this::runPublicTests);
    editor.addSubmitListener(this::confirmSubmit);
    editor.setHeight("100%");

    run.setId("run-public");
    run.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    run.addClickListener(e -> editor.requestRun());
    run.setTooltipText("Runs the public tests only; never counts (Ctrl/Cmd+Enter)");
    submit.setId("submit");
    submit.addThemeVariants(ButtonVariant.LUMO_SUCCESS, ButtonVariant.LUMO_PRIMARY);
    submit.addClickListener(e -> editor.requestSubmit());
    reset.setId("reset-starter");
    reset.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
    reset.addClickListener(e -> confirmReset());
    saveState.setId("save-state");
    saveState.addClassName("save-state");
    showSaved();
    HorizontalLayout toolbar = new HorizontalLayout(run, submit, reset, saveState);
    toolbar.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);
    toolbar.setWidthFull();
    toolbar.expand(saveState);
    toolbar.addClassName("toolbar");

    conflict.setId("draft-conflict");
    conflict.addClassName("conflict");
    conflict.setVisible(false);

    progress.setId("progress");
    progress.addClassName("progress");
    progressText.setId("progress-text");
    cancel.setId("cancel-run");
    cancel.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
    cancel.setTooltipText("Stops this practice run; its code stays in your history");
    cancel.addClickListener(e -> cancelRun());
    cancel.setVisible(false);
    HorizontalLayout progressLine = new HorizontalLayout(progressText, cancel);
    progressLine.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);
    progressLine.setSpacing(true);
    progress.add(progressLine, progressBar);
    progress.setVisible(false);

    Div editorBox = new Div(editor);
    editorBox.addClassName("editor-box");

    tabs.setId("work-tabs");
    tabs.add("Results", results);
    tabs.add("Pictures", pictures);
    tabs.add("History", history);
    tabs.add("Earlier drafts", earlierDrafts);
    tabs.addClassName("work-tabs");

    Div workSide = new Div(toolbar, conflict, editorBox, progress, tabs);
    workSide.addClassName("work-side");

    SplitLayout split = new SplitLayout(statementSide, workSide);
    split.setSplitterPosition(38);
    split.setSizeFull();
    add(split);
    showLatest();
    refreshDrafts();
  }

  @Override
  protected void onAttach(AttachEvent attach) {
    UI ui = attach.getUI();
    long me = accounts.currentAccount().map(a -> a.id()).orElse(-1L);
    unsubscribe = events.subscribe(update -> ui.access(() -> onUpdate(update, me)));
    if (details != null) {
      editor.fetchUnsaved(
          local -> {
            if (local != null && !local.equals(savedText)) {
              editor.setValue(local);
              save(local);
              Notification.show(
                  "Restored changes this browser had kept but not yet saved.",
                  4000,
                  Notification.Position.BOTTOM_START);
            }
          });
    }
  }

  @Override
  protected void onDetach(DetachEvent detach) {
    if (unsubscribe != null) {
      unsubscribe.run();
      unsubscribe = null;
    }
  }

  private void save(String text) {
    if (details == null || text.equals(savedText)) {
      return;
    }
    try {
      draft = drafts.save(details.id(), text, draft.version());
      savedText = text;
      editor.confirmSaved(text);
      conflict.setVisible(false);
      showSaved();
    } catch (DraftConflictException e) {
      showConflict(e, text);
    } catch (DraftException e) {
      saveState.setText("Not saved: " + e.getMessage());
      saveState.getElement().setAttribute("data-state", "refused");
      Notification n = Notification.show(e.getMessage(), 8000, Notification.Position.MIDDLE);
      n.addThemeVariants(NotificationVariant.LUMO_ERROR);
    }
  }

  private void showSaved() {
    saveState.getElement().setAttribute("data-state", "saved");
    saveState.setText(
        draft.version() == 0
            ? "Starter code (nothing saved yet)"
            : "Saved " + Formats.clock(draft.updatedAt(), zone));
  }

  private void showConflict(DraftConflictException e, String mine) {
    conflict.removeAll();
    conflict.add(new Paragraph(e.getMessage()));
    Button theirs =
        new Button(
            "Load the saved version",
            click -> {
              draft = e.current();
              savedText = draft.source();
              editor.setValue(draft.source());
              editor.confirmSaved(mine);
              conflict.setVisible(false);
              showSaved();
            });
    theirs.setId("conflict-load");
    Button keep =
        new Button(
            "Keep mine (replace the saved version)",
            click -> {
              draft = e.current();
              conflict.setVisible(false);
              save(mine);
            });
    keep.setId("conflict-keep");
    conflict.add(new HorizontalLayout(theirs, keep));
    conflict.setVisible(true);
    saveState.setText("Not saved: changed elsewhere");
    saveState.getElement().setAttribute("data-state", "conflict");
  }

  private void runPublicTests(String text) {
    if (!run.isEnabled()) {
      return;
    }
    save(text);
    start(
        () ->
            submissions.runPublicTests(
                details.id(), details.fileName(), text.getBytes(StandardCharsets.UTF_8)),
        true);
  }

  private void cancelRun() {
    Long id = watching;
    if (id == null) {
      return;
    }
    try {
      submissions.cancelRun(id);
      Notification.show("Run #" + id + " cancelled", 3000, Notification.Position.BOTTOM_START);
    } catch (SubmissionException e) {
      Notification n = Notification.show(e.getMessage(), 5000, Notification.Position.MIDDLE);
      n.addThemeVariants(NotificationVariant.LUMO_CONTRAST);
    }
  }

  private void confirmSubmit(String text) {
    if (!submit.isEnabled()) {
      return;
    }
    if (!details.deadline().passed(clock.instant())) {
      doSubmit(text);
      return;
    }
    ConfirmDialog dialog = new ConfirmDialog();
    dialog.setId("late-confirm");
    dialog.setHeader("Your deadline has passed");
    dialog.setText(
        "Your deadline was "
            + Formats.when(details.deadline().due(), zone)
            + ". "
            + details.latePolicy().description());
    dialog.setCancelable(true);
    dialog.setConfirmText("Submit late");
    dialog.addConfirmListener(e -> doSubmit(text));
    dialog.open();
  }

  private void doSubmit(String text) {
    save(text);
    start(
        () ->
            submissions.submit(
                details.id(), details.fileName(), text.getBytes(StandardCharsets.UTF_8)),
        false);
  }

  private void start(LongSupplier action, boolean practiceRun) {
    try {
      long id = action.getAsLong();
      watching = id;
      watchingRun = practiceRun;
      workspace.item(id).ifPresent(this::showResult);
      tabs.setSelectedIndex(0);
      showQueued(id);
      refreshHistory();
    } catch (SubmissionException e) {
      Notification n = Notification.show(e.getMessage(), 8000, Notification.Position.MIDDLE);
      n.addThemeVariants(NotificationVariant.LUMO_ERROR);
    }
  }

  private void confirmReset() {
    ConfirmDialog dialog = new ConfirmDialog();
    dialog.setId("reset-confirm");
    dialog.setHeader("Replace your code with the starter code?");
    dialog.setText(
        "Your current draft is kept under Earlier drafts (you can restore it from there), and"
            + " every run and submission stays in the History tab.");
    dialog.setCancelable(true);
    dialog.setConfirmText("Reset to starter");
    dialog.setConfirmButtonTheme("error primary");
    dialog.addConfirmListener(
        e -> {
          save(editor.getValue());
          try {
            draft = drafts.resetToStarter(details.id(), draft.version());
            savedText = draft.source();
            editor.setValue(draft.source());
            editor.confirmSaved(draft.source());
            editor.setDiagnostics(List.of());
            showSaved();
            refreshDrafts();
          } catch (DraftConflictException ex) {
            showConflict(ex, editor.getValue());
          }
        });
    dialog.open();
  }

  /**
   * Asks before {@code source} replaces the draft; {@code what} names it ("the code of practice run
   * #12"), {@code why} is kept with the draft it replaces; {@code shown} closes once restored.
   */
  private void confirmRestore(String source, String what, String why, EarlierCodeDialog shown) {
    ConfirmDialog dialog = new ConfirmDialog();
    dialog.setId("restore-confirm");
    dialog.setHeader("Replace your draft with " + what + "?");
    dialog.setText(
        "Your current draft is kept under Earlier drafts, where you can view it and restore it.");
    dialog.setCancelable(true);
    Button confirm = new Button("Restore into editor");
    confirm.setId("restore-confirm-ok");
    confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    dialog.setConfirmButton(confirm);
    dialog.addConfirmListener(
        e -> {
          if (restore(source, what, why) && shown != null) {
            shown.close();
          }
        });
    dialog.open();
  }

  private boolean restore(String source, String what, String why) {
    save(editor.getValue());
    try {
      draft = drafts.restore(details.id(), source, draft.version(), why);
    } catch (DraftConflictException ex) {
      showConflict(ex, editor.getValue());
      return false;
    } catch (DraftException ex) {
      Notification.show(ex.getMessage(), 8000, Notification.Position.MIDDLE)
          .addThemeVariants(NotificationVariant.LUMO_ERROR);
      return false;
    }
    savedText = draft.source();
    editor.setValue(draft.source());
    editor.confirmSaved(draft.source());
    editor.setDiagnostics(List.of());
    conflict.setVisible(false);
    showSaved();
    refreshDrafts();
    Notification.show(
        "Restored " + what + " into the editor. Your previous draft is under Earlier drafts.",
        4000,
        Notification.Position.BOTTOM_START);
    return true;
  }

  private void viewDraft(DraftHistoryEntry kept) {
    String when = Formats.clock(kept.savedAt(), zone);
    new EarlierCodeDialog(
            "Draft kept " + when + " (" + kept.reason() + "), read-only",
            kept.source(),
            null,
            zone,
            shown ->
                confirmRestore(
                    kept.source(),
                    "the draft kept " + when,
                    "restored the draft kept " + when,
                    shown))
        .open();
  }

  private void confirmRestoreDraft(DraftHistoryEntry kept) {
    String when = Formats.clock(kept.savedAt(), zone);
    confirmRestore(
        kept.source(), "the draft kept " + when, "restored the draft kept " + when, null);
  }

  private void refreshDrafts() {
    earlierDrafts.setItems(drafts.history(details.id()));
  }

  private void onUpdate(GradingUpdate u, long me) {
    if (details == null) {
      return;
    }
    if (watching != null && u.submissionId() == watching && u.accountId() == me) {
      switch (u.phase()) {
        case QUEUED -> showQueued(u.submissionId());
        case COMPILING -> showPhase("Compiling your code…", Phase.COMPILING, -1);
        case CHECKING -> showPhase("Checking what your code uses…", Phase.CHECKING, -1);
        case RUNNING ->
            showPhase(
                u.total() == 0
                    ? "Running the tests…"
                    : "Running test " + Math.min(u.done() + 1, u.total()) + " of " + u.total(),
                Phase.RUNNING,
                u.total() == 0 ? -1 : (double) u.done() / u.total());
        case DONE -> finished(u.submissionId(), u.stored());
      }
    } else if (watching != null && (u.phase() == Phase.COMPILING || u.phase() == Phase.DONE)) {
      // Another job started or ended: ours may have moved up the queue.
      submissions
          .queueStatus(watching)
          .ifPresent(q -> showQueuedText(q.ahead(), q.estimateSeconds()));
    }
  }

  private void showQueued(long id) {
    submissions
        .queueStatus(id)
        .ifPresentOrElse(
            q -> showQueuedText(q.ahead(), q.estimateSeconds()),
            () -> {
              // Already started or done by the time we asked.
              workspace
                  .item(id)
                  .filter(h -> h.status() == SubmissionStatus.DONE)
                  .ifPresent(h -> finished(id, null));
            });
  }

  private void showQueuedText(int ahead, long seconds) {
    showPhase(
        (ahead == 0 ? "Queued: next in line" : "Queued: " + ahead + " ahead of you")
            + ", about "
            + seconds
            + " s",
        Phase.QUEUED,
        -1);
  }

  private void showPhase(String text, Phase phase, double fraction) {
    progress.setVisible(true);
    progress.getElement().setAttribute("data-phase", phase.label());
    progressText.setText(text);
    progressBar.setIndeterminate(fraction < 0);
    if (fraction >= 0) {
      progressBar.setValue(fraction);
    }
    run.setEnabled(false);
    submit.setEnabled(false);
    cancel.setVisible(watchingRun);
  }

  /**
   * The watched job ended: its result comes with the update ({@code stored}) and replaces the job's
   * row in the history the page holds, so nothing is read again; only without it (another attempt
   * stored the result, or the job ended before the page asked) is the one job read.
   */
  private void finished(long id, Submission stored) {
    if (watching == null || watching != id) {
      return;
    }
    watching = null;
    cancel.setVisible(false);
    progress.getElement().setAttribute("data-phase", Phase.DONE.label());
    progress.setVisible(false);
    run.setEnabled(true);
    submit.setEnabled(true);
    Optional<HistoryItem> item =
        stored != null && stored.result() != null ? workspace.item(stored) : workspace.item(id);
    item.ifPresent(
        done -> {
          items = replaced(items, done);
          history.setItems(items);
          showFinished(done);
        });
  }

  /** The history with {@code item} in place of its older row, or first when it had none. */
  private static List<HistoryItem> replaced(List<HistoryItem> items, HistoryItem item) {
    List<HistoryItem> out = new ArrayList<>(items.size() + 1);
    boolean found = false;
    for (HistoryItem h : items) {
      if (h.id() == item.id()) {
        out.add(item);
        found = true;
      } else {
        out.add(h);
      }
    }
    if (!found) {
      out.add(0, item);
    }
    return out;
  }

  /** The run just graded, in the Results tab; its compiler messages go into the editor. */
  private void showFinished(HistoryItem item) {
    showResult(item);
    pictures.show(item.result(), WorkspaceService.curvesOf(items));
    tabs.setSelectedIndex(0);
    if (item.result() != null) {
      editor.setDiagnostics(item.result().diagnostics());
    }
  }

  private void showResult(HistoryItem item) {
    shownResult = item;
    results.show(item);
  }

  /**
   * An earlier run: the code it ran, read-only, beside its result, with "Restore into editor"; its
   * pictures go to the Pictures tab.
   */
  private EarlierCodeDialog openEarlier(HistoryItem item) {
    String source = workspace.source(item.id()).orElse("");
    String name =
        (item.kind() == SubmissionKind.RUN ? "practice run #" : "submission #") + item.id();
    EarlierCodeDialog dialog =
        new EarlierCodeDialog(
            Character.toUpperCase(name.charAt(0))
                + name.substring(1)
                + " · "
                + Formats.clock(item.submittedAt(), zone)
                + ": the code it ran, read-only",
            source,
            item,
            zone,
            shown -> confirmRestore(source, "the code of " + name, "restored " + name, shown));
    pictures.show(item.result(), WorkspaceService.curvesOf(items));
    dialog.open();
    return dialog;
  }

  /**
   * A line link of the Results tab: into the editor while it holds the code that ran, else into
   * that code, opened read-only (the draft has changed since).
   */
  private void goToLine(int line) {
    HistoryItem item = shownResult;
    boolean sameCode =
        item == null || workspace.source(item.id()).map(editor.getValue()::equals).orElse(true);
    if (sameCode) {
      editor.focusLine(line);
    } else {
      openEarlier(item).focusLine(line);
    }
  }

  private void diff(HistoryItem a, HistoryItem b) {
    String left = workspace.source(a.id()).orElse("");
    String right = workspace.source(b.id()).orElse("");
    new DiffDialog("#" + a.id(), left, "#" + b.id(), right).open();
  }

  private void refreshHistory() {
    items = workspace.history(details.id());
    history.setItems(items);
  }

  /** Shows the latest result, and follows a job still waiting or running. */
  private void showLatest() {
    refreshHistory();
    if (items.isEmpty()) {
      return;
    }
    HistoryItem latest = items.get(0);
    if (latest.status() != SubmissionStatus.DONE) {
      watching = latest.id();
      watchingRun = latest.kind() == SubmissionKind.RUN;
      showResult(latest);
      showQueued(latest.id());
      if (latest.status() == SubmissionStatus.RUNNING) {
        showPhase("Running…", Phase.RUNNING, -1);
      }
    } else {
      showResult(latest);
      pictures.show(latest.result(), WorkspaceService.curvesOf(items));
    }
  }

  /** The grade of record as far as the student may see it, with a staff comment if there is one. */
  private static Div gradeLine(ExerciseDetails details) {
    Div line = new Div();
    line.setId("exercise-grade");
    line.addClassName("deadline");
    line.add(new Span(details.grade().describe()));
    if (details.grade().overridden()) {
      line.add(Badge.adjusted("Staff set your grade by hand; their comment is below."));
    }
    if (details.grade().comment() != null) {
      Paragraph comment = new Paragraph("Comment from staff: " + details.grade().comment());
      comment.setId("grade-comment");
      line.add(comment);
    }
    return line;
  }
}
