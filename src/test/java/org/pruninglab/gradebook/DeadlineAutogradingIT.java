package org.pruninglab.gradebook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pruninglab.Environment.Need;
import org.pruninglab.Needs;
import org.pruninglab.PruningLabApplication;
import org.pruninglab.TestFiles;
import org.pruninglab.account.AccountDetails;
import org.pruninglab.account.AccountService;
import org.pruninglab.account.MutableClock;
import org.pruninglab.account.Role;
import org.pruninglab.deadline.AfterLate;
import org.pruninglab.deadline.DeadlineException;
import org.pruninglab.deadline.Deadlines;
import org.pruninglab.deadline.FinalChoice;
import org.pruninglab.deadline.GradeReleaseEvent;
import org.pruninglab.deadline.LatePolicy;
import org.pruninglab.deadline.Penalty;
import org.pruninglab.deadline.ScheduleChange;
import org.pruninglab.grading.GradingEngine;
import org.pruninglab.submission.Submission;
import org.pruninglab.submission.SubmissionException;
import org.pruninglab.submission.SubmissionKind;
import org.pruninglab.submission.SubmissionService;
import org.pruninglab.submission.SubmissionStatus;
import org.pruninglab.workspace.ExerciseStatus;
import org.pruninglab.workspace.ExerciseSummary;
import org.pruninglab.workspace.HistoryItem;
import org.pruninglab.workspace.ShownResult;
import org.pruninglab.workspace.ShownTest;
import org.pruninglab.workspace.WorkspaceService;
import org.springframework.boot.ApplicationContextFactory;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockServletContext;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.web.context.support.GenericWebApplicationContext;

/**
 * Deadlines, late penalties, extensions, the after-deadline grading and regrades, with time moved
 * by hand: each test starts the whole application (real H2, queue and sandbox) on its own data
 * directory and its own copy of the kthvalue pack, with an injected clock.
 */
@Needs(Need.SANDBOX)
class DeadlineAutogradingIT {

  private static final String REFERENCE = read("grader/kthvalue/reference/KthvaluePruning.java");
  private static final String STARTER = read("exercises/kthvalue/starter/KthvaluePruning.java");
  private static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");
  private static final Instant DUE = T0.plus(Duration.ofDays(1));

  /**
   * Each application started here installs its own security-context strategy globally (Vaadin's);
   * the one of the build's shared test context is put back afterwards, or later test classes would
   * sign in where their services do not look.
   */
  private static SecurityContextHolderStrategy shared;

  @TempDir Path dir;
  private ConfigurableApplicationContext app;

  @BeforeAll
  static void keepSharedStrategy() {
    shared = SecurityContextHolder.getContextHolderStrategy();
  }

  @AfterEach
  void close() {
    SecurityContextHolder.clearContext();
    if (app != null) {
      app.close();
    }
    SecurityContextHolder.setContextHolderStrategy(shared);
  }

  @Test
  void a_passed_deadline_grades_each_final_submission_once_with_penalties_and_extensions()
      throws IOException {
    MutableClock clock = new MutableClock(T0);
    Path packs = copyPacks();
    // One hidden test as the instructor may choose: its row is shown from the deadline on.
    Path hiddenTests = packs.resolve("grader/kthvalue/tests/KthvaluePruningHiddenTest.java");
    Files.writeString(
        hiddenTests,
        Files.readString(hiddenTests)
            .replace(
                "  @Tag(\"points=2\")\n  @DisplayName(\"prune: the Lab 1 example",
                "  @Tag(\"visibility=after_due_date\")\n  @Tag(\"points=2\")\n"
                    + "  @DisplayName(\"prune: the Lab 1 example"));
    app = start(dir.resolve("data"), packs, clock);
    Deadlines deadlines = app.getBean(Deadlines.class);
    SubmissionService submissions = app.getBean(SubmissionService.class);
    GradebookService gradebook = app.getBean(GradebookService.class);
    DeadlineAutograder autograder = app.getBean(DeadlineAutograder.class);
    JdbcClient jdbc = app.getBean(JdbcClient.class);
    for (String name : List.of("ontime", "late", "extended", "absent")) {
      account(name, Role.STUDENT);
    }
    account("dl-ta", Role.TA);

    signInAs("instructor", Role.INSTRUCTOR);
    // Bad input: refused with a clear message, nothing changed.
    LatePolicy negative =
        new LatePolicy(Duration.ofDays(2), Penalty.PER_DAY, -5, AfterLate.PRACTICE);
    assertThatThrownBy(
            () ->
                deadlines.updateSchedule(
                    "kthvalue",
                    new ScheduleChange(null, DUE, negative, FinalChoice.LAST, null, false)))
        .isInstanceOf(DeadlineException.class)
        .hasMessageContaining("cannot be negative");
    assertThat(deadlines.schedule("kthvalue").orElseThrow().custom()).isFalse();
    LatePolicy tenPerDay =
        new LatePolicy(Duration.ofDays(2), Penalty.PER_DAY, 10, AfterLate.REFUSE);
    deadlines.updateSchedule(
        "kthvalue", new ScheduleChange(null, DUE, tenPerDay, FinalChoice.LAST, null, false));

    signInAs("dl-ta", Role.TA);
    long extended = id(jdbc, "extended");
    assertThatThrownBy(
            () -> deadlines.grantExtension(extended, "kthvalue", DUE.minusSeconds(3600), null))
        .isInstanceOf(DeadlineException.class)
        .hasMessageContaining("cannot end before the exercise's deadline");
    assertThat(deadlines.extensions("kthvalue")).isEmpty();
    deadlines.grantExtension(extended, "kthvalue", DUE.plus(Duration.ofDays(3)), null);

    // On time: the starter first, then the reference; the last one counts.
    long ontimeFirst = submit(submissions, "ontime", STARTER);
    long ontimeFinal = submit(submissions, "ontime", REFERENCE);
    // Late: the reference 1.5 days after the deadline (2 days started: 20 % off).
    long lateEarly = submit(submissions, "late", STARTER);
    clock.set(DUE.plus(Duration.ofHours(36)));
    long lateFinal = submit(submissions, "late", REFERENCE);
    // The extended student submits after everyone else's deadline, on time for them.
    long extendedFinal = submit(submissions, "extended", REFERENCE);
    awaitDone(jdbc, ontimeFirst, ontimeFinal, lateEarly, lateFinal, extendedFinal);

    // After the late period: refused (the exercise says so), with the reason.
    clock.set(DUE.plus(Duration.ofDays(2)).plusSeconds(60));
    assertThatThrownBy(() -> submit(submissions, "late", REFERENCE))
        .isInstanceOf(SubmissionException.class)
        .hasMessageContaining("closed on");

    assertThat(autograder.sweep()).as("ontime, late, absent — not yet extended").isEqualTo(3);
    assertThat(autograder.sweep()).as("exactly once").isZero();
    awaitGradings(jdbc);

    signInAs("dl-ta", Role.TA);
    GradeOfRecord ontime = gradebook.grade(id(jdbc, "ontime"), "kthvalue").orElseThrow();
    assertThat(ontime.finalId()).isEqualTo(ontimeFinal);
    assertThat(ontime.state()).isEqualTo(GradeState.GRADED);
    assertThat(ontime.score()).isEqualTo(26.0);
    GradeOfRecord late = gradebook.grade(id(jdbc, "late"), "kthvalue").orElseThrow();
    assertThat(late.finalId()).isEqualTo(lateFinal);
    assertThat(late.late()).isEqualTo(Duration.ofHours(36));
    assertThat(late.score()).isCloseTo(26 * 0.8, within(1e-9));
    GradeOfRecord absent = gradebook.grade(id(jdbc, "absent"), "kthvalue").orElseThrow();
    assertThat(absent.state()).isEqualTo(GradeState.NO_SUBMISSION);
    assertThat(absent.score()).isZero();
    assertThat(gradebook.grade(extended, "kthvalue")).as("their deadline has not passed").isEmpty();
    // The autograde graded the final submission's own source with the hidden tests.
    Submission autograde = submissions.find(ontime.gradedId()).orElseThrow();
    assertThat(autograde.kind()).isEqualTo(SubmissionKind.AUTOGRADE);
    assertThat(autograde.originId()).isEqualTo(ontimeFinal);
    assertThat(autograde.result().maxScore()).isEqualTo(26.0);
    assertThat(gradebook.audit(id(jdbc, "late"), "kthvalue"))
        .singleElement()
        .satisfies(
            a -> {
              assertThat(a.actor()).isEqualTo("autograder");
              assertThat(a.newScore()).isCloseTo(26 * 0.8, within(1e-9));
              assertThat(a.reason()).contains("#" + lateFinal, "late by 1 day 12 hours");
            });

    // The extension is honoured: graded once it closes (3 days + the 2-day late period).
    clock.set(DUE.plus(Duration.ofDays(5)).plusSeconds(60));
    assertThat(autograder.sweep()).isEqualTo(1);
    awaitGradings(jdbc);
    signInAs("dl-ta", Role.TA);
    assertThat(gradebook.grade(extended, "kthvalue").orElseThrow().score()).isEqualTo(26.0);
    assertThat(autogradesOf(jdbc, "kthvalue")).isEqualTo(3); // absent has none to grade

    // Analytics: every student's score, submissions per student, best pruning results.
    ExerciseAnalytics analytics = gradebook.analytics("kthvalue");
    assertThat(analytics.scores()).containsExactlyInAnyOrder(26.0, 26 * 0.8, 0.0, 26.0);
    assertThat(analytics.submissionsPerStudent()).containsExactlyInAnyOrder(2, 2, 1, 0);
    assertThat(analytics.points())
        .extracting(ExerciseAnalytics.ParetoPoint::username)
        .containsExactlyInAnyOrder("ontime", "late", "extended");
    assertThat(analytics.points())
        .allSatisfy(p -> assertThat(p.sparsity()).isBetween(0.85, 0.95))
        .anyMatch(ExerciseAnalytics.ParetoPoint::front);
    assertThat(analytics.mostFailed()).as("everyone's latest submission passes").isEmpty();
    // The leaderboard is off until the instructor switches it on; then pseudonyms only.
    signInAs("late", Role.STUDENT);
    assertThatThrownBy(() -> gradebook.leaderboard("kthvalue"))
        .isInstanceOf(org.springframework.security.access.AccessDeniedException.class);
    signInAs("instructor", Role.INSTRUCTOR);
    deadlines.updateSchedule(
        "kthvalue", new ScheduleChange(null, DUE, tenPerDay, FinalChoice.LAST, null, true));
    signInAs("late", Role.STUDENT);
    List<LeaderboardEntry> board = gradebook.leaderboard("kthvalue");
    assertThat(board).hasSize(3).filteredOn(LeaderboardEntry::you).hasSize(1);
    assertThat(board)
        .extracting(LeaderboardEntry::pseudonym)
        .doesNotHaveDuplicates()
        .noneMatch(n -> n.contains("ontime") || n.contains("late") || n.contains("extended"));
    assertThat(gradebook.leaderboard("kthvalue"))
        .extracting(LeaderboardEntry::pseudonym)
        .as("stable")
        .containsExactlyElementsOf(board.stream().map(LeaderboardEntry::pseudonym).toList());

    // Overrides: out of range or without a comment → refused, nothing changed.
    signInAs("dl-ta", Role.TA);
    long lateId = id(jdbc, "late");
    assertThatThrownBy(() -> gradebook.override(lateId, "kthvalue", 27, "bonus"))
        .isInstanceOf(GradebookException.class)
        .hasMessageContaining("between 0 and 26");
    assertThatThrownBy(() -> gradebook.override(lateId, "kthvalue", -1, "minus"))
        .isInstanceOf(GradebookException.class);
    assertThatThrownBy(() -> gradebook.override(lateId, "kthvalue", 20, "  "))
        .isInstanceOf(GradebookException.class)
        .hasMessageContaining("comment is required");
    assertThat(gradebook.grade(lateId, "kthvalue").orElseThrow().overridden()).isFalse();
    gradebook.override(lateId, "kthvalue", 22, "Illness note: penalty waived in part.");

    // Students see nothing until release, then the score and the comment.
    signInAs("late", Role.STUDENT);
    StudentGrade before = gradebook.myGrade("kthvalue");
    assertThat(before.released()).isFalse();
    assertThat(before.score()).isNull();
    assertThat(before.describe()).isEqualTo("Grading complete, not yet released.");
    // Nor a score, best, headline or row that counts a hidden test: the after_due_date one's row
    // is shown (the deadline has passed) without counting; the others' rows wait for release.
    WorkspaceService workspace = app.getBean(WorkspaceService.class);
    ExerciseSummary unreleased = workspace.exercises().get(0);
    assertThat(unreleased.best()).isEqualTo(2.0);
    assertThat(unreleased.latest()).isEqualTo(2.0);
    assertThat(unreleased.maxShown()).isEqualTo(2.0);
    assertThat(unreleased.status()).isEqualTo(ExerciseStatus.AWAITING_RELEASE);
    assertThat(unreleased.late()).isTrue();
    ShownResult shownBefore = workspace.item(lateFinal).orElseThrow().result();
    assertThat(shownBefore.headline()).isEqualTo("All 2 public tests passed.");
    assertThat(shownBefore.score()).isEqualTo(2.0);
    assertThat(shownBefore.tests())
        .extracting(ShownTest::name, ShownTest::counted)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple(
                "kthSmallest: the 3rd smallest of [5, 1, 4, 2, 3] is 3", true),
            org.assertj.core.groups.Tuple.tuple(
                "prune: the worked example at 75 % keeps exactly six weights", true),
            org.assertj.core.groups.Tuple.tuple(
                "prune: the Lab 1 example at 75 %, 60 % and 28 % (a tie at the threshold)", false));
    assertThat(shownBefore.withheldNote())
        .isEqualTo(
            "15 hidden tests are shown when grades are released. 1 hidden test shown here counts"
                + " in your score once grades are released.");
    signInAs("dl-ta", Role.TA);
    assertThatThrownBy(() -> deadlines.releaseGrades("kthvalue"))
        .isInstanceOf(org.springframework.security.access.AccessDeniedException.class);
    signInAs("instructor", Role.INSTRUCTOR);
    deadlines.releaseGrades("kthvalue");
    signInAs("late", Role.STUDENT);
    StudentGrade after = gradebook.myGrade("kthvalue");
    assertThat(after.score()).isEqualTo(22.0);
    assertThat(after.comment()).isEqualTo("Illness note: penalty waived in part.");
    ExerciseSummary released = workspace.exercises().get(0);
    assertThat(released.best()).isEqualTo(26.0);
    assertThat(released.maxShown()).isEqualTo(26.0);
    assertThat(released.status()).isEqualTo(ExerciseStatus.GRADED);
    ShownResult shownAfter = workspace.item(lateFinal).orElseThrow().result();
    assertThat(shownAfter.headline()).isEqualTo("All 18 tests passed.");
    assertThat(shownAfter.tests()).hasSize(18).allMatch(ShownTest::counted);
    assertThat(shownAfter.withheldNote()).isNull();

    // Withdrawing the release: instructors only; students see "not yet released" again.
    assertThatThrownBy(() -> deadlines.withdrawGradeRelease("kthvalue"))
        .isInstanceOf(org.springframework.security.access.AccessDeniedException.class);
    signInAs("dl-ta", Role.TA);
    assertThatThrownBy(() -> deadlines.withdrawGradeRelease("kthvalue"))
        .isInstanceOf(org.springframework.security.access.AccessDeniedException.class);
    signInAs("instructor", Role.INSTRUCTOR);
    deadlines.withdrawGradeRelease("kthvalue");
    assertThat(deadlines.schedule("kthvalue").orElseThrow().gradesReleasedAt()).isNull();
    assertThatThrownBy(() -> deadlines.withdrawGradeRelease("kthvalue"))
        .isInstanceOf(DeadlineException.class)
        .hasMessageContaining("there is no release to withdraw");
    assertThat(deadlines.gradeReleases("kthvalue"))
        .extracting(GradeReleaseEvent::released, GradeReleaseEvent::by)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(false, "instructor"),
            org.assertj.core.groups.Tuple.tuple(true, "instructor"));
    signInAs("late", Role.STUDENT);
    StudentGrade withdrawn = gradebook.myGrade("kthvalue");
    assertThat(withdrawn.released()).isFalse();
    assertThat(withdrawn.score()).isNull();
    assertThat(withdrawn.describe()).isEqualTo("Grading complete, not yet released.");
    signInAs("instructor", Role.INSTRUCTOR);
    deadlines.releaseGrades("kthvalue");

    // A hidden test changes; regrading the grades of record updates them and keeps history.
    Path hidden = packs.resolve("grader/kthvalue/tests/KthvaluePruningHiddenTest.java");
    Files.writeString(
        hidden,
        Files.readString(hidden)
            .replace(
                "  void the_worked_example() {",
                "  void the_worked_example() {\n    org.junit.jupiter.api.Assertions.fail(\"now"
                    + " expects another answer\");"));
    app.getBean(GradingEngine.class).catalog().reload();
    signInAs("dl-ta", Role.TA);
    assertThat(gradebook.regradeGrades("kthvalue")).isEqualTo(4 - 1); // absent has no submission
    awaitGradings(jdbc);
    GradeOfRecord regraded = gradebook.grade(id(jdbc, "ontime"), "kthvalue").orElseThrow();
    assertThat(regraded.score()).isEqualTo(24.0);
    assertThat(regraded.gradedId()).isNotEqualTo(ontime.gradedId());
    assertThat(submissions.gradingsOf(ontimeFinal))
        .extracting(Submission::kind)
        .containsExactly(SubmissionKind.AUTOGRADE, SubmissionKind.REGRADE);
    assertThat(submissions.find(ontime.gradedId()).orElseThrow().result().score())
        .as("the old result is kept")
        .isEqualTo(26.0);
    assertThat(gradebook.audit(id(jdbc, "ontime"), "kthvalue"))
        .extracting(AuditEntry::action, AuditEntry::oldScore, AuditEntry::newScore)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("autograde", null, 26.0),
            org.assertj.core.groups.Tuple.tuple("regrade", 26.0, 24.0));
    assertThat(gradebook.grade(lateId, "kthvalue").orElseThrow().score())
        .as("the override still counts")
        .isEqualTo(22.0);
    assertThat(gradebook.grade(lateId, "kthvalue").orElseThrow().computedScore())
        .isCloseTo(24 * 0.8, within(1e-9));
  }

  @Test
  void a_deadline_that_passed_while_the_lab_was_down_is_graded_at_start() throws IOException {
    MutableClock clock = new MutableClock(T0);
    Path packs = copyPacks();
    Path data = dir.resolve("data");
    app = start(data, packs, clock);
    account("sleeper", Role.STUDENT);
    signInAs("instructor", Role.INSTRUCTOR);
    app.getBean(Deadlines.class)
        .updateSchedule(
            "kthvalue",
            new ScheduleChange(null, DUE, LatePolicy.strict(), FinalChoice.LAST, null, false));
    long id = submit(app.getBean(SubmissionService.class), "sleeper", REFERENCE);
    awaitDone(app.getBean(JdbcClient.class), id);
    app.close();

    clock.set(DUE.plus(Duration.ofHours(1)));
    app = start(data, packs, clock);
    JdbcClient jdbc = app.getBean(JdbcClient.class);
    awaitTrue(() -> autogradesOf(jdbc, "kthvalue") == 1, Duration.ofSeconds(60));
    awaitGradings(jdbc);
    signInAs("instructor", Role.INSTRUCTOR);
    GradeOfRecord g =
        app.getBean(GradebookService.class).grade(id(jdbc, "sleeper"), "kthvalue").orElseThrow();
    assertThat(g.finalId()).isEqualTo(id);
    assertThat(g.score()).isEqualTo(26.0);
    assertThat(app.getBean(DeadlineAutograder.class).sweep()).isZero();

    // After the deadline a submission is accepted as practice (the strict policy): it never
    // counts, so it makes the exercise neither late nor changes its scores.
    long practice = submit(app.getBean(SubmissionService.class), "sleeper", STARTER);
    awaitDone(jdbc, practice);
    WorkspaceService workspace = app.getBean(WorkspaceService.class);
    ExerciseSummary summary = workspace.exercises().get(0);
    assertThat(summary.late()).isFalse();
    assertThat(summary.status()).isEqualTo(ExerciseStatus.AWAITING_RELEASE);
    assertThat(summary.latest()).as("the practice one scores 0").isEqualTo(2.0);
    HistoryItem item = workspace.item(practice).orElseThrow();
    assertThat(item.practice()).isTrue();
    assertThat(item.late()).isFalse();
    assertThat(workspace.item(id).orElseThrow().counts()).isTrue();
  }

  private ConfigurableApplicationContext start(Path data, Path packs, MutableClock clock) {
    return new SpringApplicationBuilder(PruningLabApplication.class)
        // As @SpringBootTest's mock web environment: a servlet context, no server.
        .contextFactory(
            ApplicationContextFactory.of(
                () -> new GenericWebApplicationContext(new MockServletContext())))
        .initializers(c -> c.getBeanFactory().registerSingleton("testClock", clock))
        .run(
            "--lab.data-dir=" + data,
            "--lab.grading.sandbox-dir=" + Path.of("target/grading/sandbox").toAbsolutePath(),
            "--lab.grading.exercises-dir=" + packs.resolve("exercises"),
            "--lab.grading.grader-dir=" + packs.resolve("grader"),
            "--lab.deadlines.sweep-interval=1h",
            "--spring.main.banner-mode=off");
  }

  private Path copyPacks() throws IOException {
    Path packs = dir.resolve("packs");
    TestFiles.copy(Path.of("exercises/kthvalue"), packs.resolve("exercises/kthvalue"));
    TestFiles.copy(Path.of("grader/kthvalue"), packs.resolve("grader/kthvalue"));
    return packs;
  }

  private void account(String username, Role role) {
    signInAs("instructor", Role.INSTRUCTOR);
    app.getBean(AccountService.class)
        .create(new AccountDetails(username, username, username + "@example.org", role));
  }

  private long submit(SubmissionService submissions, String student, String source) {
    signInAs(student, Role.STUDENT);
    return submissions.submit(
        "kthvalue", "KthvaluePruning.java", source.getBytes(StandardCharsets.UTF_8));
  }

  private static long id(JdbcClient jdbc, String username) {
    return jdbc.sql("select id from account where username = ?")
        .param(username)
        .query(Long.class)
        .single();
  }

  private static int autogradesOf(JdbcClient jdbc, String exerciseId) {
    return jdbc.sql("select count(*) from submission where kind = 'autograde' and exercise_id = ?")
        .param(exerciseId)
        .query(Integer.class)
        .single();
  }

  private static void awaitDone(JdbcClient jdbc, long... ids) {
    for (long id : ids) {
      awaitTrue(
          () ->
              SubmissionStatus.DONE
                  .name()
                  .equals(
                      jdbc.sql("select status from submission where id = ?")
                          .param(id)
                          .query(String.class)
                          .single()),
          Duration.ofMinutes(3));
    }
  }

  private static void awaitGradings(JdbcClient jdbc) {
    awaitTrue(
        () ->
            jdbc.sql("select count(*) from submission where status <> 'DONE'")
                    .query(Integer.class)
                    .single()
                == 0,
        Duration.ofMinutes(3));
  }

  private static void awaitTrue(Supplier<Boolean> condition, Duration timeout) {
    long end = System.nanoTime() + timeout.toNanos();
    while (!condition.get()) {
      if (System.nanoTime() > end) {
        throw new AssertionError("not in " + timeout);
      }
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
  }

  private static void signInAs(String username, Role role) {
    SecurityContextHolder.getContext()
        .setAuthentication(
            UsernamePasswordAuthenticationToken.authenticated(
                username, null, List.of(new SimpleGrantedAuthority("ROLE_" + role.name()))));
  }

  private static String read(String path) {
    try {
      return Files.readString(Path.of(path));
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
