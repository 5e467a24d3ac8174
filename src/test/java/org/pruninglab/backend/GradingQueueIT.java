package org.pruninglab.backend;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.pruninglab.Environment.Need;
import org.pruninglab.Needs;
import org.pruninglab.account.TestAccounts;
import org.pruninglab.grading.EngineSettings;
import org.pruninglab.grading.GradingEngine;
import org.pruninglab.grading.GradingProgress.Phase;
import org.pruninglab.grading.GradingProperties;
import org.pruninglab.grading.RecordedPicture;
import org.pruninglab.grading.Verdict;
import org.pruninglab.submission.GradingEvents;
import org.pruninglab.submission.GradingJobs;
import org.pruninglab.submission.GradingUpdate;
import org.pruninglab.submission.ResultStore;
import org.pruninglab.submission.Submission;
import org.pruninglab.submission.SubmissionKind;
import org.pruninglab.submission.SubmissionStatus;
import org.pruninglab.submission.TestSubmissions;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The queue's order, supersede, attempts and fencing on the real database schema (H2 in memory)
 * with the real grader and sandbox. The queue here has no worker threads (like a web node with
 * {@code lab.grading.workers=0}); the tests take the worker's part by calling {@code grade}.
 */
@Needs(Need.SANDBOX)
class GradingQueueIT {

  private static JdbcClient jdbc;
  private static JdbcDataSource ds;
  private static GradingJobs jobs;
  private static ResultStore results;
  private static GradingEvents events;
  private static GradingWorker worker;
  private static GradingQueue queue;
  private static final List<Long> stored = new ArrayList<>();

  @BeforeAll
  static void setUp() throws Exception {
    ds = new JdbcDataSource();
    ds.setURL("jdbc:h2:mem:grading-queue-it;DB_CLOSE_DELAY=-1");
    Flyway.configure().dataSource(ds).locations("classpath:db/migration").load().migrate();
    jdbc = JdbcClient.create(ds);
    Path work = Files.createTempDirectory(Path.of("target"), "grading-queue-it");
    GradingEngine engine =
        GradingEngine.start(
            new EngineSettings(
                Path.of("exercises").toAbsolutePath(),
                Path.of("grader").toAbsolutePath(),
                work.toAbsolutePath(),
                "bwrap",
                2,
                false,
                Path.of("/usr/share/datasets/fashion-mnist"),
                Path.of("target/grading/sandbox").toAbsolutePath()));
    GradingProperties properties = propertiesOfThisTest();
    WorkerIdentity identity = new WorkerIdentity(properties);
    events = new GradingEvents();
    jobs = TestSubmissions.jobs(ds);
    results = TestSubmissions.results(ds, events, List.of(graded -> stored.add(graded.id())));
    worker =
        new GradingWorker(jobs, results, events, engine, Clock.systemUTC(), properties, identity);
    WorkerRegistry registry =
        new WorkerRegistry(
            new WorkerRepository(jdbc), worker, identity, properties, Clock.systemUTC());
    queue =
        new GradingQueue(
            jobs, results, worker, registry, engine, ds, Clock.systemUTC(), properties, identity);
  }

  private static long account(String name) {
    return TestAccounts.insertStudent(jdbc, name);
  }

  private static long queued(long account, String exercise, SubmissionKind kind, String source) {
    long id =
        TestSubmissions.insert(
            ds, account, exercise, source.getBytes(StandardCharsets.UTF_8), kind);
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
    long batch = TestSubmissions.insertGrading(ds, a1, SubmissionKind.AUTOGRADE);
    queue.enqueue(batch, SubmissionKind.AUTOGRADE);
    Thread.sleep(5);
    long c1 = queued(cy, "kthvalue", SubmissionKind.RUN, "c1");

    assertThat(queueOrder()).containsExactly(c1, a1, b1, a2, a3, batch);
    assertThat(queue.ahead(c1)).isZero();
    assertThat(queue.ahead(a2)).isEqualTo(3);
    assertThat(queue.ahead(batch)).isEqualTo(5);
  }

  @Test
  void a_newer_practice_run_supersedes_the_queued_older_one_and_keeps_its_code() {
    clearQueue();
    long ann = account("s-ann");
    long older = queued(ann, "kthvalue", SubmissionKind.RUN, "older");
    long otherExercise = queued(ann, "mask-fine-tune", SubmissionKind.RUN, "other");
    long submission = queued(ann, "kthvalue", SubmissionKind.SUBMISSION, "counts");
    long newer = queued(ann, "kthvalue", SubmissionKind.RUN, "newer");

    Submission skipped = jobs.find(older).orElseThrow();
    assertThat(skipped.status()).isEqualTo(SubmissionStatus.DONE);
    assertThat(skipped.result().verdict()).isEqualTo(Verdict.SUPERSEDED);
    assertThat(skipped.result().summary()).contains("newer run #" + newer);
    assertThat(new String(jobs.source(older), StandardCharsets.UTF_8)).isEqualTo("older");
    assertThat(queueOrder()).containsExactly(otherExercise, newer, submission);
    assertThat(jobs.find(otherExercise).orElseThrow().status()).isEqualTo(SubmissionStatus.QUEUED);
    assertThat(jobs.find(submission).orElseThrow().status()).isEqualTo(SubmissionStatus.QUEUED);

    // The worker that still finds the cancelled job skips it without grading.
    worker.grade(older);
    assertThat(jobs.find(older).orElseThrow().result().verdict()).isEqualTo(Verdict.SUPERSEDED);
  }

  @Test
  void a_job_whose_worker_died_is_graded_by_the_next_attempt_and_stored_once() throws Exception {
    clearQueue();
    long ann = account("f-ann");
    String reference =
        Files.readString(Path.of("grader/mask-fine-tune/reference/MaskedFineTune.java"));
    long id = queued(ann, "mask-fine-tune", SubmissionKind.RUN, reference);
    int dead = jobs.claim(id, "worker-that-was-killed");
    List<GradingUpdate> updates = new CopyOnWriteArrayList<>();
    Runnable unsubscribe = events.subscribe(updates::add);

    worker.grade(id);
    unsubscribe.run();

    Submission done = jobs.find(id).orElseThrow();
    assertThat(done.result().verdict()).as(done.result().summary()).isEqualTo(Verdict.OK);
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
    assertThat(updates)
        .as("the end of the job carries its stored result, so pages need not read it back")
        .filteredOn(u -> u.submissionId() == id && u.phase() == Phase.DONE)
        .singleElement()
        .satisfies(u -> assertThat(u.stored().result().verdict()).isEqualTo(Verdict.OK))
        .satisfies(
            u -> assertThat(u.stored().result().summary()).isEqualTo(done.result().summary()))
        .satisfies(u -> assertThat(u.stored().result().score()).isEqualTo(done.result().score()));

    boolean late =
        results.storeEnding(jobs.find(id).orElseThrow(), dead, null, Verdict.CRASHED, "late", 0);
    assertThat(late).as("the killed worker's attempt may not store").isFalse();
    assertThat(jobs.find(id).orElseThrow().result().verdict()).isEqualTo(Verdict.OK);
  }

  @Test
  void a_batch_grading_records_the_results_but_leaves_out_the_pictures() throws Exception {
    clearQueue();
    long ann = account("b-ann");
    String reference = Files.readString(Path.of("grader/kthvalue/reference/KthvaluePruning.java"));
    long origin = queued(ann, "kthvalue", SubmissionKind.SUBMISSION, reference);
    long batch = TestSubmissions.insertGrading(ds, origin, SubmissionKind.AUTOGRADE);
    queue.enqueue(batch, SubmissionKind.AUTOGRADE);

    worker.grade(origin);
    worker.grade(batch);

    Submission submitted = jobs.find(origin).orElseThrow();
    Submission graded = jobs.find(batch).orElseThrow();
    assertThat(graded.result().score()).isEqualTo(26.0);
    assertThat(graded.result().metrics()).containsEntry("parameters.nonzero", 120_199.0);
    assertThat(graded.result().grading().pictures()).isEmpty();
    assertThat(submitted.result().score()).isEqualTo(26.0);
    assertThat(submitted.result().grading().pictures())
        .extracting(RecordedPicture::name)
        .contains("accuracy-vs-sparsity");
  }

  @Test
  void after_the_attempt_limit_a_job_ends_as_a_grader_error_for_staff() {
    clearQueue();
    long ann = account("g-ann");
    long id = queued(ann, "kthvalue", SubmissionKind.SUBMISSION, "class KthvaluePruning {}");
    for (int i = 0; i < 3; i++) {
      jobs.claim(id, "worker-" + i);
    }

    worker.grade(id);

    Submission done = jobs.find(id).orElseThrow();
    assertThat(done.result().verdict()).isEqualTo(Verdict.GRADER_ERROR);
    assertThat(done.result().summary()).contains("after 3 attempts").contains("kept");
    assertThat(done.result().maxScore()).isEqualTo(26.0);
    assertThat(stored).containsOnlyOnce(id);
    assertThat(jobs.claim(id, "worker-4")).isZero();
    // What the backend's page, its metrics and the relay read of this job, through GradingJobs.
    assertThat(jobs.troubledJobs(50))
        .filteredOn(j -> j.submissionId() == id)
        .singleElement()
        .satisfies(j -> assertThat(j.verdict()).isEqualTo("grader error"))
        .satisfies(j -> assertThat(j.accountId()).isEqualTo(ann));
    assertThat(jobs.recentJobs(200))
        .filteredOn(j -> j.submissionId() == id)
        .singleElement()
        .satisfies(j -> assertThat(j.queuedAt()).isNotNull())
        .satisfies(j -> assertThat(j.finishedAt()).isAfterOrEqualTo(j.queuedAt()));
    assertThat(jobs.phasesAfter(Instant.EPOCH))
        .filteredOn(p -> p.submissionId() == id)
        .extracting(p -> p.phase())
        .contains(Phase.DONE)
        .doesNotContain(Phase.QUEUED);
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
