package org.pruninglab.submission;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.pruninglab.Environment.Need;
import org.pruninglab.Needs;
import org.pruninglab.account.TestAccounts;
import org.pruninglab.grading.GradingConfig;
import org.pruninglab.grading.GradingEngine;
import org.pruninglab.grading.GradingProperties;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The queue's order, supersede, attempts and fencing on the real database schema (H2 in memory)
 * with the real grader and sandbox. The queue here has no worker threads (like a web node with
 * {@code lab.grading.workers=0}); the tests take the worker's part by calling {@code grade}.
 */
@Needs(Need.SANDBOX)
class GradingQueueIT {

  private static JdbcClient jdbc;
  private static SubmissionRepository repo;
  private static GradingQueue queue;
  private static final List<Long> stored = new ArrayList<>();

  @BeforeAll
  static void setUp() throws Exception {
    JdbcDataSource ds = new JdbcDataSource();
    ds.setURL("jdbc:h2:mem:grading-queue-it;DB_CLOSE_DELAY=-1");
    Flyway.configure().dataSource(ds).locations("classpath:db/migration").load().migrate();
    jdbc = JdbcClient.create(ds);
    repo = new SubmissionRepository(jdbc);
    Path work = Files.createTempDirectory(Path.of("target"), "grading-queue-it");
    GradingEngine engine =
        GradingEngine.start(
            new GradingConfig(
                Path.of("exercises").toAbsolutePath(),
                Path.of("grader").toAbsolutePath(),
                work.toAbsolutePath(),
                "bwrap",
                2,
                false,
                Path.of("/usr/share/datasets/fashion-mnist"),
                Path.of("target/grading/sandbox").toAbsolutePath()));
    GradingProperties properties = propertiesOfThisTest();
    queue =
        new GradingQueue(
            repo,
            new GradingEvents(),
            engine,
            ds,
            new TransactionTemplate(new DataSourceTransactionManager(ds)),
            new ObjectMapper().findAndRegisterModules(),
            Clock.systemUTC(),
            properties,
            new WorkerIdentity(properties),
            List.of(graded -> stored.add(graded.id())));
  }

  private static long account(String name) {
    return TestAccounts.insertStudent(jdbc, name);
  }

  private static long queued(long account, String exercise, SubmissionKind kind, String source) {
    long id =
        repo.insert(
            account,
            exercise,
            "X.java",
            source.getBytes(StandardCharsets.UTF_8),
            kind,
            Instant.now());
    queue.enqueue(id, kind);
    return id;
  }

  private static List<Long> queueOrder() {
    return jdbc.sql(
            "select task_data_id from (select cast(substring(task_instance, 12) as bigint)"
                + " task_data_id, priority, execution_time from scheduled_tasks where not picked)"
                + " t order by priority desc, execution_time asc")
        .query(Long.class)
        .list();
  }

  private static void clearQueue() {
    jdbc.sql("delete from scheduled_tasks").update();
    jdbc.sql("update submission set status = 'DONE' where status <> 'DONE'").update();
  }

  @Test
  void stored_priorities_run_practice_runs_first_and_take_students_in_turn() throws Exception {
    clearQueue();
    long ann = account("q-ann");
    long bo = account("q-bo");
    long cy = account("q-cy");
    long a1 = queued(ann, "kthvalue", SubmissionKind.SUBMISSION, "a1");
    Thread.sleep(5); // distinct queue times, as real submissions have
    long a2 = queued(ann, "kthvalue", SubmissionKind.SUBMISSION, "a2");
    Thread.sleep(5);
    long a3 = queued(ann, "mask-fine-tune", SubmissionKind.SUBMISSION, "a3");
    Thread.sleep(5);
    long b1 = queued(bo, "kthvalue", SubmissionKind.SUBMISSION, "b1");
    Thread.sleep(5);
    long batch = repo.insertGrading(a1, SubmissionKind.AUTOGRADE, Instant.now());
    queue.enqueue(batch, SubmissionKind.AUTOGRADE);
    Thread.sleep(5);
    long c1 = queued(cy, "kthvalue", SubmissionKind.RUN, "c1");

    assertThat(queueOrder()).containsExactly(c1, a1, b1, a2, a3, batch);
    assertThat(repo.queuedAhead(c1)).isZero();
    assertThat(repo.queuedAhead(a2)).isEqualTo(3);
    assertThat(repo.queuedAhead(batch)).isEqualTo(5);
  }

  @Test
  void a_newer_practice_run_supersedes_the_queued_older_one_and_keeps_its_code() {
    clearQueue();
    long ann = account("s-ann");
    long older = queued(ann, "kthvalue", SubmissionKind.RUN, "older");
    long otherExercise = queued(ann, "mask-fine-tune", SubmissionKind.RUN, "other");
    long submission = queued(ann, "kthvalue", SubmissionKind.SUBMISSION, "counts");
    long newer = queued(ann, "kthvalue", SubmissionKind.RUN, "newer");

    Submission skipped = repo.find(older).orElseThrow();
    assertThat(skipped.status()).isEqualTo(SubmissionStatus.DONE);
    assertThat(skipped.result().verdict()).isEqualTo("superseded");
    assertThat(skipped.result().summary()).contains("newer run #" + newer);
    assertThat(new String(repo.source(older), StandardCharsets.UTF_8)).isEqualTo("older");
    assertThat(queueOrder()).containsExactly(otherExercise, newer, submission);
    assertThat(repo.find(otherExercise).orElseThrow().status()).isEqualTo(SubmissionStatus.QUEUED);
    assertThat(repo.find(submission).orElseThrow().status()).isEqualTo(SubmissionStatus.QUEUED);

    // The worker that still finds the cancelled job skips it without grading.
    queue.grade(older);
    assertThat(repo.find(older).orElseThrow().result().verdict()).isEqualTo("superseded");
  }

  @Test
  void a_job_whose_worker_died_is_graded_by_the_next_attempt_and_stored_once() throws Exception {
    clearQueue();
    long ann = account("f-ann");
    String reference =
        Files.readString(Path.of("grader/mask-fine-tune/reference/MaskedFineTune.java"));
    long id = queued(ann, "mask-fine-tune", SubmissionKind.RUN, reference);
    int dead = repo.claim(id, "worker-that-was-killed");

    queue.grade(id);

    Submission done = repo.find(id).orElseThrow();
    assertThat(done.result().verdict()).as(done.result().summary()).isEqualTo("ok");
    var row =
        jdbc.sql("select attempts, worker, device from submission where id = ?")
            .param(id)
            .query((rs, n) -> List.of(rs.getInt(1), rs.getString(2), rs.getString(3)))
            .single();
    // A GPU-preferring exercise on a worker without a GPU runs on the CPU, and says so.
    assertThat(row)
        .containsExactly(dead + 1, new WorkerIdentity(propertiesOfThisTest()).id(), "cpu()");
    assertThat(done.result().metrics()).containsEntry("engine.device", "cpu()");
    assertThat(stored).containsOnlyOnce(id);

    boolean late =
        repo.storeResult(
            id, dead, null, "crashed", 0, 0, "late", "{}", 0, Instant.now(), java.util.Map.of());
    assertThat(late).as("the killed worker's attempt may not store").isFalse();
    assertThat(repo.find(id).orElseThrow().result().verdict()).isEqualTo("ok");
  }

  @Test
  void a_batch_grading_records_the_results_but_leaves_out_the_pictures() throws Exception {
    clearQueue();
    long ann = account("b-ann");
    String reference = Files.readString(Path.of("grader/kthvalue/reference/KthvaluePruning.java"));
    long origin = queued(ann, "kthvalue", SubmissionKind.SUBMISSION, reference);
    long batch = repo.insertGrading(origin, SubmissionKind.AUTOGRADE, Instant.now());
    queue.enqueue(batch, SubmissionKind.AUTOGRADE);

    queue.grade(origin);
    queue.grade(batch);

    Submission submitted = repo.find(origin).orElseThrow();
    Submission graded = repo.find(batch).orElseThrow();
    assertThat(graded.result().score()).isEqualTo(26.0);
    assertThat(graded.result().metrics()).containsEntry("parameters.nonzero", 120_199.0);
    assertThat(graded.result().resultJson()).contains("\"pictures\":[]");
    assertThat(submitted.result().score()).isEqualTo(26.0);
    assertThat(submitted.result().resultJson()).contains("accuracy-vs-sparsity");
  }

  @Test
  void after_the_attempt_limit_a_job_ends_as_a_grader_error_for_staff() {
    clearQueue();
    long ann = account("g-ann");
    long id = queued(ann, "kthvalue", SubmissionKind.SUBMISSION, "class KthvaluePruning {}");
    for (int i = 0; i < 3; i++) {
      repo.claim(id, "worker-" + i);
    }

    queue.grade(id);

    Submission done = repo.find(id).orElseThrow();
    assertThat(done.result().verdict()).isEqualTo("grader error");
    assertThat(done.result().summary()).contains("after 3 attempts").contains("kept");
    assertThat(done.result().maxScore()).isEqualTo(26.0);
    assertThat(stored).containsOnlyOnce(id);
    assertThat(repo.claim(id, "worker-4")).isZero();
  }

  private static GradingProperties propertiesOfThisTest() {
    return new GradingProperties(
        Path.of("exercises"),
        Path.of("grader"),
        "bwrap",
        2,
        0,
        3,
        false,
        null,
        3,
        Duration.ofSeconds(20),
        List.of(),
        2,
        Duration.ofSeconds(1),
        "web");
  }
}
