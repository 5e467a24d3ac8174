package org.pruninglab.workspace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pruninglab.Await;
import org.pruninglab.Environment.Need;
import org.pruninglab.LabIntegrationTest;
import org.pruninglab.Needs;
import org.pruninglab.TestFiles;
import org.pruninglab.account.Role;
import org.pruninglab.deadline.DeadlineException;
import org.pruninglab.deadline.Deadlines;
import org.pruninglab.grading.GradingProgress.Phase;
import org.pruninglab.submission.GradingEvents;
import org.pruninglab.submission.GradingUpdate;
import org.pruninglab.submission.PhaseTime;
import org.pruninglab.submission.SubmissionKind;
import org.pruninglab.submission.SubmissionService;
import org.pruninglab.submission.SubmissionStatus;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;

/** The student's workspace through the real queue, sandbox and database. */
@Needs(Need.SANDBOX)
class WorkspaceIT extends LabIntegrationTest {

  private static final String REFERENCE =
      TestFiles.read("grader/kthvalue/reference/KthvaluePruning.java");

  @Autowired WorkspaceService workspace;
  @Autowired SubmissionService submissions;
  @Autowired DraftService drafts;
  @Autowired Deadlines deadlines;
  @Autowired GradingEvents events;
  @Autowired JdbcClient jdbc;

  @BeforeEach
  void accounts() {
    ensureAccount("ws-ada", Role.STUDENT);
    ensureAccount("ws-ben", Role.STUDENT);
    ensureAccount("ws-cal", Role.STUDENT);
    ensureAccount("ws-ta", Role.TA);
  }

  @Test
  void a_practice_run_shows_public_tests_only_and_does_not_count() {
    signInAs("ws-cal", Role.STUDENT);
    assertThat(status("kthvalue")).isEqualTo(ExerciseStatus.NOT_STARTED);
    drafts.save("kthvalue", REFERENCE, 0);
    assertThat(status("kthvalue")).isEqualTo(ExerciseStatus.DRAFT);

    long id =
        submissions.runPublicTests(
            "kthvalue", "KthvaluePruning.java", REFERENCE.getBytes(StandardCharsets.UTF_8));
    HistoryItem item = awaitDone(id);

    assertThat(item.kind()).isEqualTo(SubmissionKind.RUN);
    assertThat(item.result().tests()).hasSize(2).allMatch(t -> !t.hidden() && t.passed());
    assertThat(item.result().headline()).isEqualTo("All 2 public tests passed.");
    assertThat(item.result().withheldNote()).contains("does not count", "16 more hidden tests");
    var summary = summary("kthvalue");
    assertThat(summary.status()).isEqualTo(ExerciseStatus.DRAFT);
    assertThat(summary.best()).as("a practice run never counts").isNull();
  }

  @Test
  void a_submission_reports_its_phases_live_and_keeps_their_times() {
    signInAs("ws-ben", Role.STUDENT);
    List<GradingUpdate> seen = new CopyOnWriteArrayList<>();
    Runnable stop = events.subscribe(seen::add);
    try {
      long id =
          submissions.submit(
              "kthvalue", "KthvaluePruning.java", REFERENCE.getBytes(StandardCharsets.UTF_8));
      HistoryItem item = awaitDone(id);

      List<GradingUpdate> mine = seen.stream().filter(u -> u.submissionId() == id).toList();
      assertThat(mine)
          .extracting(GradingUpdate::phase)
          .startsWith(Phase.QUEUED)
          .endsWith(Phase.DONE);
      assertThat(mine)
          .filteredOn(u -> u.phase() == Phase.RUNNING && u.done() > 0)
          .extracting(GradingUpdate::done)
          .as("running test i of n, counting up to every planned test")
          .isSorted()
          .contains(18);
      List<PhaseTime> phases = submissions.phases(id);
      assertThat(phases)
          .extracting(PhaseTime::phase)
          .containsExactly(
              Phase.QUEUED, Phase.COMPILING, Phase.CHECKING, Phase.RUNNING, Phase.DONE);
      assertThat(phases).extracting(PhaseTime::at).isSorted();

      // Before the deadline the student sees public tests and pictures, not the hidden tests.
      assertThat(item.result().tests()).hasSize(2);
      assertThat(item.result().withheld()).isEqualTo(16);
      assertThat(item.result().score()).isEqualTo(2);
      assertThat(item.result().pictures())
          .extracting(p -> p.name())
          .contains(
              "fc1.weight.before",
              "fc1.weight.after",
              "fc1.weight.mask",
              "conv1.weight.kernels.before",
              WorkspaceService.CURVE);
      assertThat(workspace.curves("kthvalue"))
          .singleElement()
          .satisfies(c -> assertThat(c.points()).hasSize(5));
      var summary = summary("kthvalue");
      assertThat(summary.status())
          .as("submitted, not graded: the final grading comes after the deadline")
          .isEqualTo(ExerciseStatus.SUBMITTED);
      assertThat(summary.late()).isFalse();
      assertThat(summary.best()).isEqualTo(2.0);
      assertThat(summary.latest()).isEqualTo(2.0);

      // Staff see every test of the same stored result.
      signInAs("ws-ta", Role.TA);
      HistoryItem staff = workspace.item(id).orElseThrow();
      assertThat(staff.result().tests()).hasSize(18);
      assertThat(staff.result().score()).isEqualTo(26);
    } finally {
      stop.run();
    }
  }

  @Test
  void an_extension_moves_the_students_own_deadline_and_nobody_elses() {
    long ada = accountId("ws-ada");
    Instant packDeadline = deadlines.effective(ada, "filter-pruning").orElseThrow().due();
    signInAs("ws-ada", Role.STUDENT);
    assertThatThrownBy(
            () ->
                deadlines.grantExtension(
                    ada, "filter-pruning", packDeadline.plusSeconds(3600), null))
        .isInstanceOf(AccessDeniedException.class);

    signInAs("ws-ta", Role.TA);
    assertThatThrownBy(
            () ->
                deadlines.grantExtension(
                    ada, "filter-pruning", packDeadline.minusSeconds(60), null))
        .isInstanceOf(DeadlineException.class)
        .hasMessageContaining("cannot end before the exercise's deadline");
    assertThat(deadlines.effective(ada, "filter-pruning").orElseThrow().extended()).isFalse();

    deadlines.grantExtension(ada, "filter-pruning", packDeadline.plus(Duration.ofDays(2)), null);

    signInAs("ws-ada", Role.STUDENT);
    var mine = summary("filter-pruning").deadline();
    assertThat(mine.extended()).isTrue();
    assertThat(mine.due()).isEqualTo(packDeadline.plus(Duration.ofDays(2)));
    signInAs("ws-ben", Role.STUDENT);
    assertThat(summary("filter-pruning").deadline().extended()).isFalse();
  }

  @Test
  void a_student_cannot_open_another_students_work() {
    signInAs("ws-ada", Role.STUDENT);
    long id =
        submissions.runPublicTests(
            "kthvalue", "KthvaluePruning.java", "class Nope {}".getBytes(StandardCharsets.UTF_8));
    awaitDone(id);
    signInAs("ws-ben", Role.STUDENT);
    assertThat(workspace.item(id)).isEmpty();
    assertThat(workspace.source(id)).isEmpty();
    assertThat(submissions.phases(id)).isEmpty();
  }

  private ExerciseSummary summary(String exerciseId) {
    return workspace.exercises().stream()
        .filter(e -> e.id().equals(exerciseId))
        .findFirst()
        .orElseThrow();
  }

  private ExerciseStatus status(String exerciseId) {
    return summary(exerciseId).status();
  }

  private long accountId(String username) {
    return jdbc.sql("select id from account where username = ?")
        .param(username)
        .query(Long.class)
        .single();
  }

  private HistoryItem awaitDone(long id) {
    return Await.until(
        () -> workspace.item(id).orElseThrow(),
        item -> item.status() == SubmissionStatus.DONE,
        Duration.ofSeconds(120),
        "submission " + id + " graded");
  }
}
