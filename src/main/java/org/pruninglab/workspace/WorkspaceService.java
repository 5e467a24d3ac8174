package org.pruninglab.workspace;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.pruninglab.account.Account;
import org.pruninglab.account.AccountService;
import org.pruninglab.account.Role;
import org.pruninglab.deadline.Deadlines;
import org.pruninglab.deadline.EffectiveDeadline;
import org.pruninglab.exercise.Exercise;
import org.pruninglab.exercise.ExerciseCatalog;
import org.pruninglab.exercise.PlannedTest;
import org.pruninglab.gradebook.GradebookService;
import org.pruninglab.gradebook.StudentGrade;
import org.pruninglab.grading.GradingResult;
import org.pruninglab.grading.RecordedPicture;
import org.pruninglab.grading.harness.ResultNames;
import org.pruninglab.labkit.pictures.SparsityCurve;
import org.pruninglab.submission.Submission;
import org.pruninglab.submission.SubmissionKind;
import org.pruninglab.submission.SubmissionService;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * What the student's pages read: the exercises with deadlines and scores, one exercise's page, and
 * results with visibility applied. Every method works on the signed-in person's own work.
 */
@Service
public class WorkspaceService {

  /** The picture name the tests use for the accuracy-vs-sparsity sweep. */
  public static final String CURVE = ResultNames.ACCURACY_VS_SPARSITY;

  private final ExerciseCatalog exercises;
  private final SubmissionService submissions;
  private final DraftService drafts;
  private final Deadlines deadlines;
  private final AccountService accounts;
  private final Clock clock;
  private final GradebookService gradebook;

  WorkspaceService(
      ExerciseCatalog exercises,
      SubmissionService submissions,
      DraftService drafts,
      Deadlines deadlines,
      AccountService accounts,
      Clock clock,
      GradebookService gradebook) {
    this.gradebook = gradebook;
    this.exercises = exercises;
    this.submissions = submissions;
    this.drafts = drafts;
    this.deadlines = deadlines;
    this.accounts = accounts;
    this.clock = clock;
  }

  /** Every exercise on offer, in course order, with the signed-in student's standing. */
  @PreAuthorize("isAuthenticated()")
  public List<ExerciseSummary> exercises() {
    Account me = me();
    List<ExerciseSummary> out = new ArrayList<>();
    List<Exercise> packs =
        exercises.all().stream()
            .filter(p -> visible(me, p.id()))
            .sorted(Comparator.comparingInt((Exercise p) -> p.metadata().order()))
            .toList();
    for (Exercise pack : packs) {
      EffectiveDeadline deadline = deadlines.effective(me.id(), pack.id()).orElseThrow();
      List<HistoryItem> history = history(pack.id());
      List<HistoryItem> counted = history.stream().filter(HistoryItem::counts).toList();
      Double best = null;
      Double latest = null;
      double maxShown = pack.maxPoints(false);
      for (HistoryItem h : counted) {
        if (h.result() != null) {
          latest = latest == null ? h.result().score() : latest;
          best = best == null ? h.result().score() : Math.max(best, h.result().score());
          maxShown = h.result().maxScore();
        }
      }
      StudentGrade grade = gradebook.myGrade(pack.id());
      boolean started = drafts.load(pack.id()).version() > 0 || !history.isEmpty();
      out.add(
          new ExerciseSummary(
              pack.id(),
              pack.metadata().title(),
              pack.metadata().teaches(),
              pack.metadata().points(),
              deadline,
              best,
              latest,
              maxShown,
              ExerciseStatus.of(grade, !counted.isEmpty(), started),
              !counted.isEmpty() && counted.get(0).late(),
              grade));
    }
    return out;
  }

  /** The page of one exercise; empty when there is no such exercise on offer. */
  @PreAuthorize("isAuthenticated()")
  public Optional<ExerciseDetails> exercise(String exerciseId) {
    Exercise pack = exercises.find(exerciseId).orElse(null);
    Account me = me();
    if (pack == null || !visible(me, exerciseId)) {
      return Optional.empty();
    }
    List<PlannedTest> plan = pack.plan(true);
    int hidden = hiddenTests(pack);
    return Optional.of(
        new ExerciseDetails(
            pack.id(),
            pack.metadata().title(),
            pack.statement(),
            pack.metadata().file(),
            pack.metadata().points(),
            plan.size() - hidden,
            hidden,
            deadlines.effective(me.id(), pack.id()).orElseThrow(),
            deadlines.latePolicy(pack.id()),
            gradebook.myGrade(pack.id())));
  }

  /** Students see an exercise from its release on; staff always. */
  private boolean visible(Account me, String exerciseId) {
    return me.role() != Role.STUDENT
        || deadlines.schedule(exerciseId).map(s -> s.open(clock.instant())).orElse(false);
  }

  /** One student's runs and submissions of an exercise, newest first (for staff). */
  @PreAuthorize("hasAnyRole('TA', 'INSTRUCTOR')")
  public List<HistoryItem> historyOf(long accountId, String exerciseId) {
    return toItems(submissions.allOf(accountId, exerciseId));
  }

  /** The signed-in person's runs and submissions of one exercise, newest first. */
  @PreAuthorize("isAuthenticated()")
  public List<HistoryItem> history(String exerciseId) {
    return toItems(submissions.mine(exerciseId));
  }

  /** All of the signed-in person's runs and submissions, newest first. */
  @PreAuthorize("isAuthenticated()")
  public List<HistoryItem> allHistory() {
    return toItems(submissions.mineAll());
  }

  /** One run or submission, if the reader may see it. */
  @PreAuthorize("isAuthenticated()")
  public Optional<HistoryItem> item(long submissionId) {
    return submissions.find(submissionId).map(s -> toItems(List.of(s)).get(0));
  }

  /**
   * A submission as a grading update carried it, with the result just stored, as the reader may see
   * it: the page shows it without reading it or the history again. Empty when it is not the
   * reader's to see (a student sees only their own runs and submissions, as {@link
   * SubmissionService#find} decides).
   */
  @PreAuthorize("isAuthenticated()")
  public Optional<HistoryItem> item(Submission stored) {
    Account reader = me();
    if (reader.role() == Role.STUDENT
        && (stored.accountId() != reader.id() || !stored.kind().byStudent())) {
      return Optional.empty();
    }
    return Optional.of(toItems(List.of(stored)).get(0));
  }

  /** The source of a run or submission as text (bytes that are not UTF-8 are replaced). */
  @PreAuthorize("isAuthenticated()")
  public Optional<String> source(long submissionId) {
    return submissions.source(submissionId).map(b -> new String(b, StandardCharsets.UTF_8));
  }

  /** The accuracy-vs-sparsity sweeps of the student's graded runs, oldest first (at most 6). */
  @PreAuthorize("isAuthenticated()")
  public List<SparsityCurve> curves(String exerciseId) {
    return curvesOf(history(exerciseId));
  }

  /**
   * The accuracy-vs-sparsity sweeps of graded runs in a history the page holds already (newest
   * first), oldest first (at most 6).
   */
  public static List<SparsityCurve> curvesOf(List<HistoryItem> items) {
    List<SparsityCurve> out = new ArrayList<>();
    for (HistoryItem h : items) {
      if (h.result() == null) {
        continue;
      }
      for (RecordedPicture p : h.result().pictures()) {
        if (CURVE.equals(p.name())) {
          p.curve()
              .ifPresent(
                  c ->
                      out.add(
                          0, new SparsityCurve("#" + h.id() + " " + h.kind().label(), c.points())));
        }
      }
      if (out.size() == 6) {
        break;
      }
    }
    return out;
  }

  /**
   * The reader and the clock are read once per list, each student's deadline once per exercise and
   * each exercise's schedule once, not once per submission.
   */
  private List<HistoryItem> toItems(List<Submission> list) {
    Account reader = me();
    Instant now = clock.instant();
    Map<String, EffectiveDeadline> deadlineOf = new HashMap<>();
    Map<String, Boolean> releasedOf = new HashMap<>();
    return list.stream()
        .map(
            s -> {
              EffectiveDeadline deadline =
                  deadlineOf.computeIfAbsent(
                      s.accountId() + "/" + s.exerciseId(),
                      key ->
                          deadlines
                              .effective(s.accountId(), s.exerciseId())
                              .orElse(new EffectiveDeadline(Instant.MAX, false)));
              boolean released =
                  releasedOf.computeIfAbsent(
                          s.exerciseId(),
                          id ->
                              deadlines
                                  .schedule(id)
                                  .map(schedule -> schedule.gradesReleased(now))
                                  .orElse(false))
                      && deadline.closed(now);
              return toItem(s, reader, now, deadline, released);
            })
        .toList();
  }

  /**
   * @param released whether the exercise's grades are released to the submission's student: by the
   *     instructor (or the release time), and only once the student's own submissions have closed,
   *     so that an extension never shows the hidden tests to a student who may still submit
   */
  private HistoryItem toItem(
      Submission s, Account reader, Instant now, EffectiveDeadline deadline, boolean released) {
    ShownResult shown = null;
    if (s.result() != null && s.result().byGrader()) {
      GradingResult r = s.result().grading();
      Exercise pack = exercises.find(s.exerciseId()).orElse(null);
      shown =
          reader.role() == Role.STUDENT
              ? ResultPresentation.forStudent(
                  r,
                  s.kind() == SubmissionKind.RUN,
                  pack == null ? 0 : hiddenTests(pack),
                  deadline.passed(now),
                  released)
              : ResultPresentation.forStaff(r);
    } else if (s.result() != null) {
      // The service's own ending (superseded, cancelled, given up): no test ran.
      shown =
          new ShownResult(
              s.result().verdict(),
              s.result().summary(),
              null,
              0,
              s.result().maxScore(),
              List.of(),
              0,
              List.of(),
              List.of(),
              Map.of(),
              List.of(),
              "");
    }
    return new HistoryItem(
        s.id(),
        s.exerciseId(),
        s.kind(),
        s.status(),
        s.submittedAt(),
        s.kind() == SubmissionKind.SUBMISSION
            && s.submittedAt().isAfter(deadline.due())
            && s.submittedAt().isBefore(deadline.closes()),
        s.kind() == SubmissionKind.RUN
            || (s.kind() == SubmissionKind.SUBMISSION
                && !s.submittedAt().isBefore(deadline.closes())),
        shown);
  }

  private static int hiddenTests(Exercise pack) {
    return (int) pack.plan(true).stream().filter(PlannedTest::hidden).count();
  }

  private Account me() {
    return accounts.currentAccount().orElseThrow(() -> new AccessDeniedException("not signed in"));
  }
}
