package org.pruninglab.gradebook;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.pruninglab.account.Account;
import org.pruninglab.account.AccountService;
import org.pruninglab.deadline.Deadlines;
import org.pruninglab.deadline.ExerciseSchedule;
import org.pruninglab.deadline.Extension;
import org.pruninglab.exercise.ExerciseCatalog;
import org.pruninglab.exercise.ExerciseMetadata;
import org.pruninglab.gradebook.GradeRepository.StoredGrade;
import org.pruninglab.grading.TestResult;
import org.pruninglab.grading.harness.ResultNames;
import org.pruninglab.submission.BestPruningResult;
import org.pruninglab.submission.GradingOutcome;
import org.pruninglab.submission.Submission;
import org.pruninglab.submission.SubmissionKind;
import org.pruninglab.submission.SubmissionService;
import org.pruninglab.submission.SubmissionTally;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The staff's side of grades: the gradebook grid, overrides with their audit trail, regrades,
 * autograde progress and analytics; and the student's view of their own grade and the leaderboard.
 */
@Service
public class GradebookService {

  /** Longest override comment kept. */
  public static final int MAX_COMMENT = 2000;

  private final GradeRepository grades;
  private final Deadlines deadlines;
  private final SubmissionService submissions;
  private final AccountService accounts;
  private final ExerciseCatalog exercises;
  private final Pseudonyms pseudonyms;
  private final Clock clock;

  GradebookService(
      GradeRepository grades,
      Deadlines deadlines,
      SubmissionService submissions,
      AccountService accounts,
      ExerciseCatalog exercises,
      Pseudonyms pseudonyms,
      Clock clock) {
    this.grades = grades;
    this.deadlines = deadlines;
    this.submissions = submissions;
    this.accounts = accounts;
    this.exercises = exercises;
    this.pseudonyms = pseudonyms;
    this.clock = clock;
  }

  /** Every student × every exercise. */
  @PreAuthorize("hasAnyRole('TA', 'INSTRUCTOR')")
  public Gradebook gradebook() {
    List<ExerciseSchedule> schedules = deadlines.schedules();
    List<Gradebook.Column> columns =
        schedules.stream()
            .map(
                s ->
                    new Gradebook.Column(
                        s.exerciseId(),
                        exercises.find(s.exerciseId()).orElseThrow().metadata().title(),
                        maxScore(s.exerciseId())))
            .toList();
    List<Account> students = students();
    Map<String, GradeOfRecord> record = new HashMap<>();
    for (GradeOfRecord g : complete(grades.all(), usernames(students))) {
      record.put(g.accountId() + "/" + g.exerciseId(), g);
    }
    Map<String, Double> best = new HashMap<>();
    Map<String, Long> latest = new HashMap<>();
    for (SubmissionTally t : submissions.tallies()) {
      String key = t.accountId() + "/" + t.exerciseId();
      if (t.bestScore() != null) {
        best.put(key, t.bestScore());
      }
      latest.put(key, t.latestId());
    }
    Set<String> extended = new HashSet<>();
    for (Extension e : deadlines.extensions()) {
      extended.add(e.accountId() + "/" + e.exerciseId());
    }
    List<Gradebook.Row> rows = new ArrayList<>();
    for (Account student : students) {
      List<Gradebook.Cell> cells = new ArrayList<>();
      for (Gradebook.Column c : columns) {
        String key = student.id() + "/" + c.exerciseId();
        GradeOfRecord g = record.get(key);
        cells.add(
            new Gradebook.Cell(
                c.exerciseId(),
                g == null ? GradeState.OPEN : g.state(),
                g == null ? null : g.score(),
                best.get(key),
                c.maxScore(),
                g != null && !g.late().isZero(),
                extended.contains(key),
                g != null && g.overridden(),
                g != null && g.finalId() != null ? g.finalId() : latest.get(key)));
      }
      rows.add(new Gradebook.Row(student.id(), student.username(), student.displayName(), cells));
    }
    return new Gradebook(columns, rows);
  }

  /** The gradebook as CSV for a spreadsheet (see {@link GradebookCsv}). */
  @PreAuthorize("hasAnyRole('TA', 'INSTRUCTOR')")
  public byte[] csv() {
    return GradebookCsv.write(gradebook());
  }

  /** A student's grade of record for an exercise, for staff. */
  @PreAuthorize("hasAnyRole('TA', 'INSTRUCTOR')")
  public Optional<GradeOfRecord> grade(long accountId, String exerciseId) {
    return find(accountId, exerciseId).map(g -> withMax(g));
  }

  /** Every change to a grade of record, oldest first. */
  @PreAuthorize("hasAnyRole('TA', 'INSTRUCTOR')")
  public List<AuditEntry> audit(long accountId, String exerciseId) {
    List<GradeRepository.StoredAudit> stored = grades.auditOf(accountId, exerciseId);
    Map<Long, String> names =
        accounts.usernames(
            stored.stream()
                .map(GradeRepository.StoredAudit::actorId)
                .filter(Objects::nonNull)
                .collect(Collectors.toSet()));
    return stored.stream()
        .map(
            a ->
                new AuditEntry(
                    a.at(),
                    a.actorId() == null ? "autograder" : names.get(a.actorId()),
                    a.action(),
                    a.oldScore(),
                    a.newScore(),
                    a.reason(),
                    a.gradingId()))
        .toList();
  }

  /**
   * Sets a grade of record's score by hand. Refused, with nothing changed, without a comment, for a
   * score outside [0, max], or when the student has no grade of record yet (before their
   * submissions close).
   */
  @PreAuthorize("hasAnyRole('TA', 'INSTRUCTOR')")
  @Transactional
  public GradeOfRecord override(long accountId, String exerciseId, double score, String comment) {
    GradeOfRecord g = existing(accountId, exerciseId);
    double max = maxScore(exerciseId);
    if (Double.isNaN(score) || score < 0 || score > max) {
      throw new GradebookException(
          "A score must be between 0 and "
              + Scores.points(max)
              + " for this exercise; "
              + Scores.points(score)
              + " is not.");
    }
    String why = checkedComment(comment);
    Account me = accounts.currentAccount().orElseThrow();
    grades.setOverride(accountId, exerciseId, score, why);
    grades.audit(
        accountId, exerciseId, me.id(), clock.instant(), "override", g.score(), score, why, null);
    return grade(accountId, exerciseId).orElseThrow();
  }

  /** Removes an override: the computed score counts again. A comment says why. */
  @PreAuthorize("hasAnyRole('TA', 'INSTRUCTOR')")
  @Transactional
  public GradeOfRecord clearOverride(long accountId, String exerciseId, String comment) {
    GradeOfRecord g = existing(accountId, exerciseId);
    if (!g.overridden()) {
      throw new GradebookException("This grade has no override to remove.");
    }
    String why = checkedComment(comment);
    Account me = accounts.currentAccount().orElseThrow();
    grades.setOverride(accountId, exerciseId, null, null);
    grades.audit(
        accountId,
        exerciseId,
        me.id(),
        clock.instant(),
        "clear-override",
        g.score(),
        g.computedScore(),
        why,
        null);
    return grade(accountId, exerciseId).orElseThrow();
  }

  /**
   * Grades one submission again (the old result is kept). When it is a student's final submission
   * the new result becomes their grade of record, recorded in the audit log.
   */
  @PreAuthorize("hasAnyRole('TA', 'INSTRUCTOR')")
  @Transactional
  public long regradeSubmission(long submissionId) {
    Submission s =
        submissions
            .find(submissionId)
            .orElseThrow(() -> new GradebookException("There is no submission #" + submissionId));
    long origin = s.originId() != null ? s.originId() : s.id();
    return regrade(origin, s.accountId(), s.exerciseId());
  }

  /** Regrades every submission of an exercise; returns how many were queued. */
  @PreAuthorize("hasAnyRole('TA', 'INSTRUCTOR')")
  @Transactional
  public int regradeExercise(String exerciseId) {
    known(exerciseId);
    List<Submission> all = submissions.submissionsOf(exerciseId);
    for (Submission s : all) {
      regrade(s.id(), s.accountId(), exerciseId);
    }
    return all.size();
  }

  /** Regrades only the final submissions behind the grades of record; returns how many. */
  @PreAuthorize("hasAnyRole('TA', 'INSTRUCTOR')")
  @Transactional
  public int regradeGrades(String exerciseId) {
    known(exerciseId);
    int n = 0;
    for (StoredGrade g : grades.ofExercise(exerciseId)) {
      if (g.finalId() != null) {
        regrade(g.finalId(), g.accountId(), exerciseId);
        n++;
      }
    }
    return n;
  }

  private long regrade(long originId, long accountId, String exerciseId) {
    long grading = submissions.gradeAgain(originId, SubmissionKind.REGRADE);
    Optional<GradeOfRecord> g = find(accountId, exerciseId);
    if (g.isPresent() && g.get().finalId() != null && g.get().finalId() == originId) {
      Account me = accounts.currentAccount().orElseThrow();
      grades.setGraded(accountId, exerciseId, grading);
      grades.audit(
          accountId,
          exerciseId,
          me.id(),
          clock.instant(),
          "regrade",
          g.get().computedScore(),
          null,
          "Final submission #"
              + originId
              + " graded again"
              + (g.get().overridden() ? " (the override still counts)." : "."),
          grading);
    }
    return grading;
  }

  /** How far the after-deadline grading of an exercise has come. */
  @PreAuthorize("hasAnyRole('TA', 'INSTRUCTOR')")
  public AutogradeProgress progress(String exerciseId) {
    known(exerciseId);
    List<GradeOfRecord> made = complete(grades.ofExercise(exerciseId), Map.of());
    int grading = (int) made.stream().filter(g -> g.state() == GradeState.GRADING).count();
    return new AutogradeProgress(students().size(), made.size(), made.size() - grading, grading);
  }

  /** The signed-in student's grade of record for an exercise, as far as they may see it. */
  @PreAuthorize("isAuthenticated()")
  public StudentGrade myGrade(String exerciseId) {
    Account me = me();
    ExerciseSchedule schedule = known(exerciseId);
    double max = maxScore(exerciseId);
    Optional<GradeOfRecord> g =
        grades
            .find(me.id(), exerciseId)
            .map(stored -> complete(List.of(stored), Map.of(me.id(), me.username())).get(0));
    if (g.isEmpty()) {
      return new StudentGrade(GradeState.OPEN, false, null, max, 1, false, null);
    }
    GradeOfRecord grade = g.get();
    boolean released = schedule.gradesReleased(clock.instant());
    boolean show = released && grade.state() != GradeState.GRADING;
    return new StudentGrade(
        grade.state(),
        released,
        show ? grade.score() : null,
        max,
        grade.penaltyFactor(),
        show && grade.overridden(),
        show ? grade.overrideComment() : null);
  }

  /** Per-exercise analytics for staff. */
  @PreAuthorize("hasAnyRole('TA', 'INSTRUCTOR')")
  public ExerciseAnalytics analytics(String exerciseId) {
    known(exerciseId);
    Gradebook book = gradebook();
    int column = 0;
    while (!book.columns().get(column).exerciseId().equals(exerciseId)) {
      column++;
    }
    List<Double> scores = new ArrayList<>();
    for (Gradebook.Row row : book.rows()) {
      Gradebook.Cell c = row.cells().get(column);
      Double s = c.score() != null ? c.score() : c.provisional();
      if (s != null) {
        scores.add(s);
      }
    }
    Map<Long, List<Submission>> byStudent = new LinkedHashMap<>();
    for (Account a : students()) {
      byStudent.put(a.id(), new ArrayList<>());
    }
    for (Submission s : submissions.submissionsOf(exerciseId)) {
      byStudent.computeIfAbsent(s.accountId(), k -> new ArrayList<>()).add(s);
    }
    ExerciseMetadata.TradeOff tradeOff =
        exercises.find(exerciseId).orElseThrow().metadata().tradeOff();
    boolean xUp = ResultNames.higherIsBetter(tradeOff.x());
    boolean yUp = ResultNames.higherIsBetter(tradeOff.y());
    Map<String, int[]> failed = new LinkedHashMap<>();
    int withResult = 0;
    List<Integer> counts = new ArrayList<>();
    List<Best> bests = new ArrayList<>();
    for (List<Submission> list : byStudent.values()) {
      counts.add(list.size());
      Submission latestGraded = null;
      for (Submission s : list) {
        if (s.result() != null) {
          latestGraded = s;
        }
      }
      if (latestGraded != null && latestGraded.result().byGrader()) {
        withResult++;
        for (TestResult t : latestGraded.result().grading().tests()) {
          failed.computeIfAbsent(t.name(), k -> new int[1])[0] += t.passed() ? 0 : 1;
        }
      }
      best(list, tradeOff).ifPresent(bests::add);
    }
    int of = withResult;
    List<ExerciseAnalytics.FailedTest> mostFailed =
        failed.entrySet().stream()
            .map(e -> new ExerciseAnalytics.FailedTest(e.getKey(), e.getValue()[0], of))
            .filter(f -> f.failed() > 0)
            .sorted(Comparator.comparingInt(ExerciseAnalytics.FailedTest::failed).reversed())
            .toList();
    List<ExerciseAnalytics.ParetoPoint> points = new ArrayList<>();
    Map<Long, String> names =
        accounts.usernames(bests.stream().map(b -> b.submission.accountId()).toList());
    for (Best b : bests) {
      boolean dominated =
          bests.stream()
              .anyMatch(
                  o ->
                      o != b
                          && atLeast(o.x, b.x, xUp)
                          && atLeast(o.y, b.y, yUp)
                          && (o.x != b.x || o.y != b.y));
      points.add(
          new ExerciseAnalytics.ParetoPoint(
              names.getOrDefault(b.submission.accountId(), "#" + b.submission.accountId()),
              b.x,
              b.y,
              !dominated));
    }
    return new ExerciseAnalytics(
        exerciseId,
        maxScore(exerciseId),
        scores,
        mostFailed,
        counts,
        axis(tradeOff.x()),
        axis(tradeOff.y()),
        points);
  }

  /**
   * The pseudonymous leaderboard of an exercise, best accuracy first (then sparsity), when the
   * instructor has switched it on: each student's best pruning result (their highest-scoring
   * submission that recorded accuracy and sparsity). One query under the student's own identity
   * that returns pseudonyms only, never who is behind them; the student learns which line is
   * theirs.
   */
  @PreAuthorize("isAuthenticated()")
  public List<LeaderboardEntry> leaderboard(String exerciseId) {
    ExerciseSchedule schedule = known(exerciseId);
    Account me = me();
    if (!schedule.leaderboard()) {
      throw new AccessDeniedException("The leaderboard of this exercise is switched off.");
    }
    List<BestPruningResult> results = submissions.bestPruningResults(exerciseId);
    Set<Long> students =
        accounts.studentsAmong(results.stream().map(BestPruningResult::accountId).toList());
    List<BestPruningResult> lines =
        results.stream().filter(r -> students.contains(r.accountId())).toList();
    Map<Long, String> names =
        pseudonyms.of(lines.stream().map(BestPruningResult::accountId).toList());
    List<BestPruningResult> ranked =
        lines.stream()
            .sorted(
                Comparator.comparingDouble(BestPruningResult::accuracy)
                    .reversed()
                    .thenComparing(
                        Comparator.comparingDouble(BestPruningResult::sparsity).reversed())
                    .thenComparing(r -> names.get(r.accountId())))
            .toList();
    List<LeaderboardEntry> out = new ArrayList<>();
    for (BestPruningResult r : ranked) {
      out.add(
          new LeaderboardEntry(
              out.size() + 1,
              names.get(r.accountId()),
              r.accountId() == me.id(),
              r.accuracy(),
              r.sparsity(),
              r.macs()));
    }
    return out;
  }

  /**
   * A student's best pruning result: their highest-scoring submission that recorded both metrics of
   * the exercise's trade-off.
   */
  private record Best(Submission submission, double x, double y) {}

  private static Optional<Best> best(List<Submission> list, ExerciseMetadata.TradeOff tradeOff) {
    return list.stream()
        .filter(
            s ->
                s.result() != null
                    && metric(s, tradeOff.x()) != null
                    && metric(s, tradeOff.y()) != null)
        .max(
            Comparator.comparingDouble((Submission s) -> s.result().score())
                .thenComparing(Submission::id))
        .map(s -> new Best(s, metric(s, tradeOff.x()), metric(s, tradeOff.y())));
  }

  /** At least as good: not smaller when larger is better, not larger when smaller is. */
  private static boolean atLeast(double a, double b, boolean higherIsBetter) {
    return higherIsBetter ? a >= b : a <= b;
  }

  private static ExerciseAnalytics.Axis axis(String metric) {
    ResultNames.Metric m = ResultNames.describe(metric);
    return new ExerciseAnalytics.Axis(
        metric, m.label(), m.unit(), ResultNames.higherIsBetter(metric));
  }

  /**
   * A metric of a submission; fine-tuned accuracy falls back on the accuracy right after pruning
   * (an exercise that does not fine-tune records only that one).
   */
  private static Double metric(Submission s, String name) {
    return name.equals(ResultNames.ACCURACY_FINETUNED) ? accuracyOf(s) : number(s, name);
  }

  private static Double accuracyOf(Submission s) {
    Double tuned = number(s, ResultNames.ACCURACY_FINETUNED);
    return tuned != null ? tuned : number(s, ResultNames.ACCURACY_PRUNED);
  }

  private static Double number(Submission s, String name) {
    Object v = s.result().metrics().get(name);
    return v instanceof Number n && Double.isFinite(n.doubleValue()) ? n.doubleValue() : null;
  }

  private GradeOfRecord existing(long accountId, String exerciseId) {
    known(exerciseId);
    return find(accountId, exerciseId)
        .orElseThrow(
            () ->
                new GradebookException(
                    "This student has no grade of record for "
                        + exerciseId
                        + " yet: it is made when their submissions close."));
  }

  private static String checkedComment(String comment) {
    String why = comment == null ? "" : comment.strip();
    if (why.isEmpty()) {
      throw new GradebookException("A comment is required: say why the score changes.");
    }
    if (why.length() > MAX_COMMENT) {
      throw new GradebookException(
          "A comment is limited to "
              + MAX_COMMENT
              + " characters; this one has "
              + why.length()
              + ".");
    }
    return why;
  }

  private ExerciseSchedule known(String exerciseId) {
    return deadlines
        .schedule(exerciseId)
        .orElseThrow(
            () -> new GradebookException("There is no exercise called '" + exerciseId + "'."));
  }

  private double maxScore(String exerciseId) {
    return exercises.find(exerciseId).orElseThrow().metadata().points();
  }

  private GradeOfRecord withMax(GradeOfRecord g) {
    return new GradeOfRecord(
        g.accountId(),
        g.username(),
        g.exerciseId(),
        g.finalId(),
        g.gradedId(),
        g.late(),
        g.penaltyFactor(),
        g.state(),
        g.rawScore(),
        maxScore(g.exerciseId()),
        g.overrideScore(),
        g.overrideComment(),
        g.createdAt());
  }

  /** Students in the gradebook: the course's, counting a grade of record as work kept. */
  private List<Account> students() {
    return accounts.courseStudents(grades.studentsWithGrades());
  }

  private static Map<Long, String> usernames(List<Account> people) {
    return people.stream().collect(Collectors.toMap(Account::id, Account::username));
  }

  /** A grade of record for staff, with its student's username. */
  private Optional<GradeOfRecord> find(long accountId, String exerciseId) {
    return grades
        .find(accountId, exerciseId)
        .map(g -> complete(List.of(g), accounts.usernames(List.of(accountId))).get(0));
  }

  /**
   * Stored grades with their grading's state and score (asked of the submission feature in one go),
   * by username; {@code usernames} names the students (a grade of someone not in it has none).
   */
  private List<GradeOfRecord> complete(List<StoredGrade> stored, Map<Long, String> usernames) {
    Map<Long, GradingOutcome> outcomes =
        submissions.outcomes(
            stored.stream().map(StoredGrade::gradedId).filter(Objects::nonNull).toList());
    return stored.stream()
        .map(g -> complete(g, usernames.get(g.accountId()), outcomes.get(g.gradedId())))
        .sorted(
            Comparator.comparing(
                    GradeOfRecord::username, Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(GradeOfRecord::exerciseId))
        .toList();
  }

  private static GradeOfRecord complete(StoredGrade g, String username, GradingOutcome grading) {
    GradeState state =
        g.finalId() == null
            ? GradeState.NO_SUBMISSION
            : grading != null && grading.graded() ? GradeState.GRADED : GradeState.GRADING;
    return new GradeOfRecord(
        g.accountId(),
        username,
        g.exerciseId(),
        g.finalId(),
        g.gradedId(),
        g.late(),
        g.penaltyFactor(),
        state,
        grading == null ? null : grading.score(),
        grading == null || grading.maxScore() == null ? 0 : grading.maxScore(),
        g.overrideScore(),
        g.overrideComment(),
        g.createdAt());
  }

  private Account me() {
    return accounts.currentAccount().orElseThrow(() -> new AccessDeniedException("not signed in"));
  }
}
