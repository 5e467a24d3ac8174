package org.pruninglab;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.pruninglab.Environment.Need;
import org.pruninglab.account.Role;
import org.pruninglab.grading.GradingProgress.Phase;
import org.pruninglab.submission.GradingEvents;
import org.pruninglab.submission.SubmissionService;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The shared grading backend as it runs in a course: an application node that queues and grades
 * nothing itself, and two worker processes, all on the real PostgreSQL. Simulated students send
 * practice runs of the three exercises (reference solutions, starter code, known-wrong variants);
 * one worker is killed with SIGKILL while it grades, and every database connection is cut once.
 * Every submission must end with exactly one result of record, none lost, the killed worker's job
 * taken over by the survivor, and the application node's pages told of every job's end.
 *
 * <p>The default size fits the build (30 runs, 10 students); the issue's acceptance size runs with
 * {@code -Dlab.cluster.submissions=200 -Dlab.cluster.students=50}.
 */
@Needs({Need.POSTGRES, Need.SANDBOX})
class GradingClusterIT {

  @Test
  void two_workers_grade_every_submission_once_when_one_is_killed_mid_job() throws Exception {
    int total = Integer.getInteger("lab.cluster.submissions", 30);
    int students = Integer.getInteger("lab.cluster.students", 10);
    try (GradingCluster cluster = GradingCluster.start("plab_cluster")) {
      JdbcClient jdbc = cluster.jdbc;
      SubmissionService submissions = cluster.bean(SubmissionService.class);
      // What the application node's pages are pushed: the workers' progress, relayed.
      Set<Long> pushedDone = ConcurrentHashMap.newKeySet();
      cluster
          .bean(GradingEvents.class)
          .subscribe(
              u -> {
                if (u.phase() == Phase.DONE) {
                  pushedDone.add(u.submissionId());
                }
              });

      // One sandbox thread each: two workers on a 2-core machine, as an operator would size them
      // (threads × jobs per host ≤ cores; see the README).
      Process first = cluster.startWorker(1, "--lab.grading.threads=1");
      Process second = cluster.startWorker(2, "--lab.grading.threads=1");

      // Students and their runs, queued before and while the workers start.
      List<String> names = cluster.students(students);
      Map<Long, String> expected = new HashMap<>();
      for (int n = 0; n < total; n++) {
        String student = names.get(n % students);
        // A student's k-th run is of exercise (student + k) mod 3: the first three of each
        // student differ; a fourth repeats the first and supersedes it if it still waits.
        String exercise =
            GradingCluster.EXERCISES.get(
                (n % students + n / students) % GradingCluster.EXERCISES.size());
        String kind =
            switch (n % 4) {
              case 0, 1 -> "reference";
              case 2 -> "starter";
              default -> "wrong";
            };
        LabIntegrationTest.signInAs(student, Role.STUDENT);
        long id =
            submissions.runPublicTests(
                exercise, GradingCluster.fileOf(exercise), GradingCluster.source(exercise, kind));
        expected.put(id, exercise + "/" + kind);
      }
      SecurityContextHolder.clearContext();

      // Kill the first worker while it grades (SIGKILL: no clean-up of any kind), once both run.
      cluster.awaitWorkers(2, Duration.ofMinutes(3));
      String firstId = awaitJobOn(jdbc, first.pid(), Duration.ofMinutes(3));
      first.destroyForcibly().waitFor();
      // What it was grading when it died (it finished nothing after, so this cannot change).
      List<Long> killedJobs =
          jdbc.sql("select id from submission where status = 'RUNNING' and worker = ?")
              .param(firstId)
              .query(Long.class)
              .list();
      assertThat(killedJobs).hasSize(1);
      long killedJob = killedJobs.get(0);
      // A database outage in miniature: every connection of the cluster's processes is cut.
      cluster.cutConnections();

      Duration limit = Duration.ofSeconds(Long.getLong("lab.cluster.timeout-seconds", 900));
      boolean done = cluster.awaitAllDone(limit);
      assertThat(second.isAlive()).as("the surviving worker still runs").isTrue();
      assertThat(done).as("every submission has a result within " + limit).isTrue();

      // Nothing lost, each graded into exactly one result of record.
      assertThat(jdbc.sql("select count(*) from submission").query(Integer.class).single())
          .isEqualTo(total);
      assertThat(
              jdbc.sql(
                      "select count(*) from submission s where (select count(*) from"
                          + " grading_result r where r.submission_id = s.id) <> 1")
                  .query(Integer.class)
                  .single())
          .isZero();
      Map<String, Long> verdicts =
          jdbc
              .sql("select verdict, count(*) from grading_result group by verdict")
              .query((rs, n) -> Map.entry(rs.getString(1), rs.getLong(2)))
              .list()
              .stream()
              .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
      assertThat(verdicts).doesNotContainKey("grader error").doesNotContainKey("crashed");
      assertThat(verdicts.getOrDefault("superseded", 0L))
          .as("only a student's repeated run of an exercise can be superseded")
          .isLessThanOrEqualTo(Math.max(0, total - 3L * students));

      // Graded runs of reference solutions pass; starter code does not.
      for (var row :
          jdbc.sql(
                  "select s.id, r.verdict, r.score, r.max_score from submission s join"
                      + " grading_result r on r.submission_id = s.id")
              .query(
                  (rs, n) ->
                      List.of(rs.getLong(1), rs.getString(2), rs.getDouble(3), rs.getDouble(4)))
              .list()) {
        String what = expected.get((Long) row.get(0)) + " #" + row.get(0);
        if (row.get(1).equals("superseded")) {
          continue;
        }
        if (what.contains("/reference")) {
          assertThat(row.get(2)).as(what).isEqualTo(row.get(3));
        } else if (what.contains("/starter")) {
          assertThat((Double) row.get(2)).as(what).isLessThan((Double) row.get(3));
        }
      }

      // The killed worker's job was taken over by the survivor, on its second attempt.
      String secondId = cluster.workerId(second.pid());
      var killed =
          jdbc.sql("select attempts, worker, status from submission where id = ?")
              .param(killedJob)
              .query((rs, n) -> List.of(rs.getInt(1), rs.getString(2), rs.getString(3)))
              .single();
      assertThat(killed).containsExactly(2, secondId, "DONE");
      assertThat(firstId).isNotEqualTo(secondId);

      // The application node's pages heard of every job's end, though other processes graded.
      Instant relayed = Instant.now().plusSeconds(20);
      while (pushedDone.size() < total && Instant.now().isBefore(relayed)) {
        Thread.sleep(200);
      }
      assertThat(pushedDone).hasSize(total);
      System.out.printf(
          "cluster: %d submissions, %d students, verdicts %s, killed job #%d retaken by %s%n",
          total, students, verdicts, killedJob, secondId);
    }
  }

  /** Waits until the worker of this process id runs a job; its worker id. */
  private static String awaitJobOn(JdbcClient jdbc, long pid, Duration limit)
      throws InterruptedException {
    Instant until = Instant.now().plus(limit);
    while (Instant.now().isBefore(until)) {
      List<String> ids =
          jdbc.sql("select worker from submission where status = 'RUNNING' and worker like ?")
              .param("%-" + pid + "-worker")
              .query(String.class)
              .list();
      if (!ids.isEmpty()) {
        return ids.get(0);
      }
      Thread.sleep(200);
    }
    throw new AssertionError("worker " + pid + " took no job within " + limit);
  }
}
