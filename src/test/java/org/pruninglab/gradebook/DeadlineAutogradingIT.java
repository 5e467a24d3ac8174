package org.pruninglab.gradebook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.io.UncheckedIOException;
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
import org.pruninglab.deadline.Deadlines;
import org.pruninglab.deadline.FinalChoice;
import org.pruninglab.deadline.LatePolicy;
import org.pruninglab.deadline.Penalty;
import org.pruninglab.deadline.ScheduleChange;
import org.pruninglab.exercise.ExerciseCatalog;
import org.pruninglab.submission.Submission;
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
 * The flows from a deadline to a released grade through the whole application (real H2, queue and
 * sandbox), with time moved by hand: each test starts it on its own data directory and its own copy
 * of the kthvalue pack, with an injected clock. The rules themselves (late policy, extensions,
 * final-submission choice, overrides, release) are checked faster in {@link GradeRulesTest} and
 * {@link ScheduleRulesTest}.
 */
@Needs(Need.SANDBOX)
class DeadlineAutogradingIT {

  private static final String REFERENCE = read("grader/kthvalue/reference/KthvaluePruning.java");
  private static final String STARTER = read("exercises/kthvalue/starter/KthvaluePruning.java");
  private static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");
  private static final Instant DUE = T0.plus(Duration.ofDays(1));
  private static final LatePolicy TEN_PER_DAY =
      new LatePolicy(Duration.ofDays(2), Penalty.PER_DAY, 10, AfterLate.REFUSE);

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
  void after_the_deadline_each_final_submission_is_graded_again_with_the_hidden_tests()
      throws IOException {
    MutableClock clock = new MutableClock(T0);
    app = start(dir.resolve("data"), copyPacks(), clock);
    SubmissionService submissions = app.getBean(SubmissionService.class);
    GradebookService gradebook = app.getBean(GradebookService.class);
    JdbcClient jdbc = app.getBean(JdbcClient.class);
    account("ontime", Role.STUDENT);
    account("late", Role.STUDENT);
    schedule(app, TEN_PER_DAY, false);

    long ontimeFinal = submit(submissions, "ontime", REFERENCE);
    clock.set(DUE.plus(Duration.ofHours(36)));
    long lateFinal = submit(submissions, "late", REFERENCE);
    awaitDone(jdbc, ontimeFinal, lateFinal);
    clock.set(DUE.plus(Duration.ofDays(2)).plusSeconds(60));
    assertThat(app.getBean(DeadlineAutograder.class).sweep()).isEqualTo(2);
    awaitGradings(jdbc);

    signInAs("instructor", Role.INSTRUCTOR);
    GradeOfRecord ontime = gradebook.grade(id(jdbc, "ontime"), "kthvalue").orElseThrow();
    assertThat(ontime.score()).as("all 18 tests, public and hidden").isEqualTo(26.0);
    Submission autograde = submissions.find(ontime.gradedId()).orElseThrow();
    assertThat(autograde.kind()).isEqualTo(SubmissionKind.AUTOGRADE);
    assertThat(autograde.originId()).isEqualTo(ontimeFinal);
    assertThat(autograde.result().maxScore()).isEqualTo(26.0);
    assertThat(gradebook.grade(id(jdbc, "late"), "kthvalue").orElseThrow().score())
        .isCloseTo(26 * 0.8, within(1e-9));
    assertThat(gradebook.audit(id(jdbc, "late"), "kthvalue"))
        .singleElement()
        .satisfies(a -> assertThat(a.newScore()).isCloseTo(26 * 0.8, within(1e-9)));

    // The pruning results the sandbox recorded reach analytics and the leaderboard.
    ExerciseAnalytics analytics = gradebook.analytics("kthvalue");
    assertThat(analytics.scores()).containsExactlyInAnyOrder(26.0, 26 * 0.8);
    assertThat(analytics.points())
        .extracting(ExerciseAnalytics.ParetoPoint::username)
        .containsExactlyInAnyOrder("ontime", "late");
    assertThat(analytics.points())
        .allSatisfy(p -> assertThat(p.x()).isBetween(0.85, 0.95))
        .anyMatch(ExerciseAnalytics.ParetoPoint::front);
    assertThat(analytics.mostFailed()).as("everyone's latest submission passes").isEmpty();
    schedule(app, TEN_PER_DAY, true);
    signInAs("late", Role.STUDENT);
    assertThat(gradebook.leaderboard("kthvalue"))
        .hasSize(2)
        .allSatisfy(e -> assertThat(e.sparsity()).isBetween(0.85, 0.95))
        .filteredOn(LeaderboardEntry::you)
        .hasSize(1);
  }

  @Test
  void released_grades_show_the_hidden_tests_and_a_changed_hidden_test_is_regraded()
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
    SubmissionService submissions = app.getBean(SubmissionService.class);
    GradebookService gradebook = app.getBean(GradebookService.class);
    Deadlines deadlines = app.getBean(Deadlines.class);
    JdbcClient jdbc = app.getBean(JdbcClient.class);
    account("late", Role.STUDENT);
    schedule(app, TEN_PER_DAY, false);
    clock.set(DUE.plus(Duration.ofHours(36)));
    long lateFinal = submit(submissions, "late", REFERENCE);
    awaitDone(jdbc, lateFinal);
    clock.set(DUE.plus(Duration.ofDays(2)).plusSeconds(60));
    assertThat(app.getBean(DeadlineAutograder.class).sweep()).isEqualTo(1);
    awaitGradings(jdbc);
    long lateId = id(jdbc, "late");

    // Before release: no score, best, headline or row that counts a hidden test: the
    // after_due_date one's row is shown (the deadline has passed) without counting; the others'
    // rows wait for release.
    signInAs("late", Role.STUDENT);
    assertThat(gradebook.myGrade("kthvalue").describe())
        .isEqualTo("Grading complete, not yet released.");
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
            tuple("kthSmallest: the 3rd smallest of [5, 1, 4, 2, 3] is 3", true),
            tuple("prune: the worked example at 75 % keeps exactly six weights", true),
            tuple(
                "prune: the Lab 1 example at 75 %, 60 % and 28 % (a tie at the threshold)", false));
    assertThat(shownBefore.withheldNote())
        .isEqualTo(
            "15 hidden tests are shown when grades are released. 1 hidden test shown here counts"
                + " in your score once grades are released.");

    signInAs("instructor", Role.INSTRUCTOR);
    deadlines.releaseGrades("kthvalue");
    signInAs("late", Role.STUDENT);
    assertThat(gradebook.myGrade("kthvalue").score()).isCloseTo(26 * 0.8, within(1e-9));
    ExerciseSummary released = workspace.exercises().get(0);
    assertThat(released.best()).isEqualTo(26.0);
    assertThat(released.maxShown()).isEqualTo(26.0);
    assertThat(released.status()).isEqualTo(ExerciseStatus.GRADED);
    ShownResult shownAfter = workspace.item(lateFinal).orElseThrow().result();
    assertThat(shownAfter.headline()).isEqualTo("All 18 tests passed.");
    assertThat(shownAfter.tests()).hasSize(18).allMatch(ShownTest::counted);
    assertThat(shownAfter.withheldNote()).isNull();

    // A hidden test changes; regrading the grades of record updates them and keeps history.
    Files.writeString(
        hiddenTests,
        Files.readString(hiddenTests)
            .replace(
                "  void the_worked_example() {",
                "  void the_worked_example() {\n    org.junit.jupiter.api.Assertions.fail(\"now"
                    + " expects another answer\");"));
    app.getBean(ExerciseCatalog.class).reload();
    signInAs("instructor", Role.INSTRUCTOR);
    gradebook.override(lateId, "kthvalue", 22, "Illness note: penalty waived in part.");
    GradeOfRecord before = gradebook.grade(lateId, "kthvalue").orElseThrow();
    assertThat(gradebook.regradeGrades("kthvalue")).isEqualTo(1);
    awaitGradings(jdbc);
    GradeOfRecord regraded = gradebook.grade(lateId, "kthvalue").orElseThrow();
    assertThat(regraded.computedScore()).isCloseTo(24 * 0.8, within(1e-9));
    assertThat(regraded.score()).as("the override still counts").isEqualTo(22.0);
    assertThat(regraded.gradedId()).isNotEqualTo(before.gradedId());
    assertThat(submissions.gradingsOf(lateFinal))
        .extracting(Submission::kind)
        .containsExactly(SubmissionKind.AUTOGRADE, SubmissionKind.REGRADE);
    assertThat(submissions.find(before.gradedId()).orElseThrow().result().score())
        .as("the old result is kept")
        .isEqualTo(26.0);
    List<AuditEntry> audit = gradebook.audit(lateId, "kthvalue");
    AuditEntry last = audit.get(audit.size() - 1);
    assertThat(last.action()).isEqualTo("regrade");
    assertThat(last.newScore()).isCloseTo(24 * 0.8, within(1e-9));
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

  private void schedule(ConfigurableApplicationContext app, LatePolicy late, boolean leaderboard) {
    signInAs("instructor", Role.INSTRUCTOR);
    app.getBean(Deadlines.class)
        .updateSchedule(
            "kthvalue", new ScheduleChange(null, DUE, late, FinalChoice.LAST, null, leaderboard));
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
      throw new UncheckedIOException(e);
    }
  }
}
