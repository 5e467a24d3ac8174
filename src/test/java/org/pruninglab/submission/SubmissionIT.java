package org.pruninglab.submission;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pruninglab.Await;
import org.pruninglab.Environment.Need;
import org.pruninglab.LabIntegrationTest;
import org.pruninglab.Needs;
import org.pruninglab.TestFiles;
import org.pruninglab.account.Role;
import org.pruninglab.backend.GradingQueue;
import org.pruninglab.grading.TestResult;
import org.pruninglab.grading.Verdict;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Submissions through the real queue, database, sandbox and pack. */
@Needs(Need.SANDBOX)
class SubmissionIT extends LabIntegrationTest {

  @Autowired SubmissionService service;
  @Autowired GradingQueue queue;
  @Autowired JdbcClient jdbc;
  @Autowired SubmissionRepository repository;

  private static final String REFERENCE =
      TestFiles.read("grader/kthvalue/reference/KthvaluePruning.java");

  @BeforeEach
  void signIn() {
    for (String name : List.of("sub-ann", "sub-bo", "sub-cy")) {
      ensureAccount(name, Role.STUDENT);
    }
    ensureAccount("sub-ta", Role.TA);
  }

  @Test
  void a_submission_is_stored_then_graded_with_its_pruning_results() {
    signInAs("sub-ann", Role.STUDENT);
    long id =
        service.submit(
            "kthvalue", "KthvaluePruning.java", REFERENCE.getBytes(StandardCharsets.UTF_8));

    Submission done = awaitDone(id);

    assertThat(done.accountId())
        .isEqualTo(
            jdbc.sql("select id from account where username = 'sub-ann'")
                .query(Long.class)
                .single());
    assertThat(done.result().verdict()).as(done.result().summary()).isEqualTo(Verdict.OK);
    assertThat(done.result().score()).isEqualTo(26.0);
    assertThat(done.result().maxScore()).isEqualTo(26.0);
    assertThat(done.result().metrics())
        .containsEntry("parameters.nonzero", 120_199.0)
        .containsEntry("device", "cpu()");
    assertThat(done.result().byGrader()).isTrue();
    assertThat(done.result().grading().tests())
        .hasSize(18)
        .allMatch(TestResult::passed)
        .anyMatch(t -> t.name().startsWith("prune: the Lab 1 example"));
    assertThat(done.result().packVersion())
        .as("the version of the tests that graded it")
        .matches("[0-9a-f]{64}");
    assertThat(service.source(id))
        .hasValueSatisfying(
            b -> assertThat(new String(b, StandardCharsets.UTF_8)).isEqualTo(REFERENCE));
    assertThat(service.mine("kthvalue")).extracting(Submission::id).contains(id);
  }

  @Test
  void bytes_that_are_not_utf8_are_kept_as_sent_and_graded_as_a_compile_error() {
    signInAs("sub-bo", Role.STUDENT);
    byte[] latin1 = "package lab; // Größe".getBytes(StandardCharsets.ISO_8859_1);
    long id = service.submit("kthvalue", "../../etc/passwd", latin1);

    Submission done = awaitDone(id);

    assertThat(done.fileName()).isEqualTo(".._.._etc_passwd");
    assertThat(done.result().verdict()).isEqualTo(Verdict.COMPILE_ERROR);
    assertThat(done.result().summary()).startsWith("The file is not UTF-8 text: byte 18");
    assertThat(service.source(id)).hasValue(latin1);
  }

  @Test
  void other_students_cannot_read_a_submission_but_staff_can() {
    signInAs("sub-ann", Role.STUDENT);
    long id = service.submit("kthvalue", "KthvaluePruning.java", new byte[0]);
    awaitDone(id);
    signInAs("sub-bo", Role.STUDENT);
    assertThat(service.find(id)).isEmpty();
    assertThat(service.source(id)).isEmpty();
    signInAs("sub-ta", Role.TA);
    assertThat(service.find(id)).isPresent();
  }

  @Test
  void refusals_name_the_reason() {
    signInAs("sub-cy", Role.STUDENT);
    assertThatThrownBy(() -> service.submit("no-such", "X.java", new byte[1]))
        .isInstanceOf(SubmissionException.class)
        .hasMessage("There is no exercise called 'no-such'.");
    assertThatThrownBy(() -> service.submit("kthvalue", "X.java", new byte[2 << 20]))
        .hasMessage("The file is 2,097,152 bytes; submissions are limited to 1 MB.");
  }

  @Test
  void a_student_has_at_most_three_submissions_waiting() {
    signInAs("sub-cy", Role.STUDENT);
    byte[] source = REFERENCE.getBytes(StandardCharsets.UTF_8);
    List<Long> ids = new ArrayList<>();
    int refused = 0;
    for (int i = 0; i < 5; i++) {
      try {
        ids.add(service.submit("kthvalue", "KthvaluePruning.java", source));
      } catch (SubmissionException e) {
        assertThat(e)
            .hasMessage(
                "You already have 3 submissions waiting to be graded; submit"
                    + " again when one has finished.");
        refused++;
      }
    }
    assertThat(ids.size()).isLessThanOrEqualTo(4);
    assertThat(refused).isGreaterThanOrEqualTo(1);
    ids.forEach(this::awaitDone);
  }

  @Test
  void a_submission_interrupted_while_running_is_graded_after_a_restart() {
    long accountId =
        jdbc.sql("select id from account where username = 'sub-bo'").query(Long.class).single();
    // As a crash leaves it: stored, marked running, its queue entry gone with the node.
    long id =
        repository.insert(
            accountId,
            "kthvalue",
            "KthvaluePruning.java",
            REFERENCE.getBytes(StandardCharsets.UTF_8),
            SubmissionKind.SUBMISSION,
            Instant.now());
    jdbc.sql("update submission set status = 'RUNNING' where id = ?").param(id).update();

    queue.requeueUnfinished();

    signInAs("sub-bo", Role.STUDENT);
    assertThat(awaitDone(id).result().score()).isEqualTo(26.0);
  }

  @Test
  void a_student_cancels_a_practice_run_that_hangs_and_its_sandbox_stops() {
    signInAs("sub-cy", Role.STUDENT);
    String hangs =
        REFERENCE.replace(
            "public static float kthSmallest(float[] values, int n, int k) {",
            "public static float kthSmallest(float[] values, int n, int k) {\n"
                + "    while (values.length > 0) { Math.sqrt(2.0); }");
    long id =
        service.runPublicTests(
            "kthvalue", "KthvaluePruning.java", hangs.getBytes(StandardCharsets.UTF_8));
    awaitRunning(id);
    signInAs("sub-ann", Role.STUDENT);
    assertThatThrownBy(() -> service.cancelRun(id))
        .isInstanceOf(SubmissionException.class)
        .hasMessageContaining("no run #" + id);
    signInAs("sub-cy", Role.STUDENT);

    Instant asked = Instant.now();
    service.cancelRun(id);

    Submission done = repository.find(id).orElseThrow();
    assertThat(done.status()).isEqualTo(SubmissionStatus.DONE);
    assertThat(done.result().verdict()).isEqualTo(Verdict.CANCELLED);
    assertThat(done.result().summary())
        .isEqualTo("Cancelled by you while it ran. The code of this run is kept.");
    assertThat(service.source(id).orElseThrow()).isEqualTo(hangs.getBytes(StandardCharsets.UTF_8));
    // The worker notices within its polling interval and stops the sandbox.
    while (sandboxes() > 0 && Instant.now().isBefore(asked.plusSeconds(15))) {
      pause();
    }
    assertThat(sandboxes()).as("sandboxes still running").isZero();
    assertThatThrownBy(() -> service.cancelRun(id))
        .isInstanceOf(SubmissionException.class)
        .hasMessageContaining("already finished");
  }

  @Test
  void a_submission_that_counts_cannot_be_cancelled() {
    signInAs("sub-ann", Role.STUDENT);
    long id =
        service.submit(
            "kthvalue", "KthvaluePruning.java", REFERENCE.getBytes(StandardCharsets.UTF_8));

    assertThatThrownBy(() -> service.cancelRun(id))
        .isInstanceOf(SubmissionException.class)
        .hasMessageContaining("Only practice runs can be cancelled");
    assertThat(awaitDone(id).result().score()).isEqualTo(26.0);
  }

  private static long sandboxes() {
    return ProcessHandle.current()
        .descendants()
        .filter(p -> p.info().commandLine().orElse("").contains("HarnessMain"))
        .count();
  }

  private void awaitRunning(long id) {
    Instant end = Instant.now().plus(Duration.ofSeconds(60));
    while (Instant.now().isBefore(end)) {
      if (repository.find(id).orElseThrow().status() == SubmissionStatus.RUNNING
          && sandboxes() > 0) {
        return;
      }
      pause();
    }
    throw new AssertionError("run " + id + " did not start within 60 s");
  }

  private static void pause() {
    try {
      Thread.sleep(200);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private Submission awaitDone(long id) {
    return Await.until(
        () -> repository.find(id).orElseThrow(),
        s -> s.status() == SubmissionStatus.DONE,
        Duration.ofSeconds(90),
        "submission " + id + " graded");
  }
}
