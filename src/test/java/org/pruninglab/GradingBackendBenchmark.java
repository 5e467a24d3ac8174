package org.pruninglab;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.pruninglab.account.Role;
import org.pruninglab.submission.SubmissionKind;
import org.pruninglab.submission.SubmissionService;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Not part of the default build (the name matches no test pattern). Run with {@code mvn -B verify
 * -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false -Dit.test=GradingBackendBenchmark}: the real
 * backend on this machine's PostgreSQL, an application node and worker processes, and prints
 *
 * <ol>
 *   <li>throughput and latency for 1, 2 and 3 workers: a burst of submissions (hidden tests
 *       included) of the three exercises' reference solutions, queued at once;
 *   <li>the after-deadline batch for the kthvalue exercise: as many autograde jobs as students (300
 *       unless {@code -Dbench.batch=N}), on {@code -Dbench.batch-workers} workers (2).
 * </ol>
 *
 * <p>{@code -Dbench.burst=N} sets the burst size (24), {@code -Dbench.workers=1,2,3} the worker
 * counts, {@code -Dbench.threads=N} the sandbox threads of each worker (2), {@code -Dbench.jobs=N}
 * the jobs each batch worker process grades at once (1), {@code -Dbench.only=burst|batch} one part.
 */
class GradingBackendBenchmark {

  private static final int BURST = Integer.getInteger("bench.burst", 24);
  private static final int BATCH = Integer.getInteger("bench.batch", 300);
  private static final int BATCH_WORKERS = Integer.getInteger("bench.batch-workers", 2);
  private static final String THREADS = System.getProperty("bench.threads", "2");

  /** Jobs one worker process grades at once (its lab.grading.workers). */
  private static final String JOBS = System.getProperty("bench.jobs", "1");

  private static final String ONLY = System.getProperty("bench.only", "");

  private record Row(
      String what, int workers, int jobs, Duration wall, Duration median, Duration p95) {
    String line() {
      return String.format(
          Locale.ROOT,
          "| %s | %d | %d | %.1f | %.1f | %.1f | %.1f |",
          what,
          workers,
          jobs,
          wall.toMillis() / 1000.0,
          jobs * 60_000.0 / wall.toMillis(),
          median.toMillis() / 1000.0,
          p95.toMillis() / 1000.0);
    }
  }

  @Test
  void throughput_latency_and_the_after_deadline_batch() throws Exception {
    List<Row> rows = new ArrayList<>();
    if (!ONLY.equals("batch")) {
      for (String n : System.getProperty("bench.workers", "1,2,3").split(",")) {
        rows.add(burst(Integer.parseInt(n.trim())));
        print(rows);
      }
    }
    if (!ONLY.equals("burst")) {
      rows.add(batch());
      print(rows);
    }
  }

  private static void print(List<Row> rows) {
    System.out.println();
    System.out.println(
        "| jobs | workers | count | wall (s) | graded per minute | median latency (s) | p95 latency"
            + " (s) |");
    System.out.println("|---|---:|---:|---:|---:|---:|---:|");
    rows.forEach(r -> System.out.println(r.line()));
    System.out.println();
  }

  /** A burst of submissions of all three exercises by as many staff accounts, queued at once. */
  private static Row burst(int workers) throws Exception {
    try (GradingCluster cluster = GradingCluster.start("plab_bench")) {
      for (int w = 1; w <= workers; w++) {
        cluster.startWorker(w, "--lab.grading.threads=" + THREADS);
      }
      cluster.awaitWorkers(workers, Duration.ofMinutes(3));
      List<String> names = staff(cluster, BURST);
      SubmissionService service = cluster.bean(SubmissionService.class);
      for (int i = 0; i < BURST; i++) {
        String exercise = GradingCluster.EXERCISES.get(i % 3);
        // Staff accounts: they may submit whatever the course's deadlines are on the day.
        LabIntegrationTest.signInAs(names.get(i), Role.TA);
        service.submit(
            exercise,
            GradingCluster.fileOf(exercise),
            GradingCluster.source(exercise, "reference"));
      }
      SecurityContextHolder.clearContext();
      if (!cluster.awaitAllDone(Duration.ofMinutes(30))) {
        throw new AssertionError("the burst did not finish in 30 minutes");
      }
      return measure(cluster, "burst: 3 exercises, hidden tests", workers);
    }
  }

  /** The kthvalue exercise's after-deadline grading of one final submission per student. */
  private static Row batch() throws Exception {
    try (GradingCluster cluster = GradingCluster.start("plab_bench")) {
      for (int w = 1; w <= BATCH_WORKERS; w++) {
        cluster.startWorker(w, "--lab.grading.threads=" + THREADS, "--lab.grading.workers=" + JOBS);
      }
      cluster.awaitWorkers(BATCH_WORKERS, Duration.ofMinutes(3));
      List<String> names = cluster.students(BATCH);
      List<String> variants = List.of("reference", "reference", "starter", "wrong");
      List<Long> finals = new ArrayList<>();
      for (int i = 0; i < BATCH; i++) {
        long account =
            cluster
                .jdbc
                .sql("select id from account where username = ?")
                .param(names.get(i))
                .query(Long.class)
                .single();
        String source =
            new String(
                GradingCluster.source("kthvalue", variants.get(i % variants.size())),
                StandardCharsets.UTF_8);
        // The student's final submission, graded long ago (its result is not needed here).
        cluster
            .jdbc
            .sql(
                "insert into submission (account_id, exercise_id, file_name, source, hidden, kind,"
                    + " status, submitted_at) values (?, 'kthvalue', 'KthvaluePruning.java', ?,"
                    + " true, 'submission', 'DONE', ?)")
            .params(
                account,
                (source + "\n// student " + i + "\n").getBytes(StandardCharsets.UTF_8),
                Timestamp.from(Instant.now().minusSeconds(3600)))
            .update();
        finals.add(
            cluster
                .jdbc
                .sql("select max(id) from submission where account_id = ?")
                .param(account)
                .query(Long.class)
                .single());
      }
      SubmissionService service = cluster.bean(SubmissionService.class);
      LabIntegrationTest.signInAs("autograder", Role.TA);
      for (long id : finals) {
        service.gradeAgain(id, SubmissionKind.AUTOGRADE);
      }
      SecurityContextHolder.clearContext();
      if (!cluster.awaitAllDone(Duration.ofMinutes(60))) {
        throw new AssertionError("the batch did not finish in 60 minutes");
      }
      return measure(
          cluster,
          "after-deadline batch: kthvalue, "
              + BATCH
              + " students, "
              + JOBS
              + " job(s) at once per worker, "
              + THREADS
              + " sandbox thread(s)",
          BATCH_WORKERS);
    }
  }

  private static List<String> staff(GradingCluster cluster, int count) {
    List<String> names = cluster.students(count);
    cluster.jdbc.sql("update account set role = 'TA'").update();
    return names;
  }

  /** Wall time from the first queued to the last done; latency per job from queued to done. */
  private static Row measure(GradingCluster cluster, String what, int workers) {
    List<Duration> latencies =
        cluster
            .jdbc
            .sql(
                "select q.at, d.at from grading_phase q join grading_phase d on d.submission_id ="
                    + " q.submission_id and d.phase = 'done' where q.phase = 'queued'")
            .query(
                (rs, n) ->
                    Duration.between(
                        rs.getTimestamp(1).toInstant(), rs.getTimestamp(2).toInstant()))
            .list();
    Instant first =
        cluster
            .jdbc
            .sql("select min(at) from grading_phase where phase = 'queued'")
            .query(Timestamp.class)
            .single()
            .toInstant();
    Instant last =
        cluster
            .jdbc
            .sql("select max(at) from grading_phase where phase = 'done'")
            .query(Timestamp.class)
            .single()
            .toInstant();
    List<Duration> sorted = latencies.stream().sorted().toList();
    return new Row(
        what,
        workers,
        latencies.size(),
        Duration.between(first, last),
        sorted.get((sorted.size() - 1) / 2),
        sorted.get(Math.max(0, (int) Math.ceil(0.95 * sorted.size()) - 1)));
  }
}
