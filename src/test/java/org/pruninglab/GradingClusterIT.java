package org.pruninglab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.pruninglab.account.Role;
import org.pruninglab.submission.SubmissionService;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The shared grading backend as it runs in a course: an application node that queues and grades
 * nothing itself, and two worker processes, all on the real PostgreSQL. Simulated students send
 * practice runs of the three exercises (reference solutions, starter code, known-wrong variants);
 * one worker is killed with SIGKILL while it grades, and every database connection is cut once.
 * Every submission must end with exactly one result of record, none lost, the killed worker's job
 * taken over by the survivor.
 *
 * <p>The default size fits the build (30 runs, 10 students); the issue's acceptance size runs with
 * {@code -Dlab.cluster.submissions=200 -Dlab.cluster.students=50}.
 */
class GradingClusterIT {

  private static final String SERVER = "jdbc:postgresql://127.0.0.1:5432/test";
  private static final List<String> EXERCISES =
      List.of("kthvalue", "mask-fine-tune", "filter-pruning");

  private final List<Process> workers = new ArrayList<>();
  private ConfigurableApplicationContext app;
  private String schema;

  @AfterEach
  void tearDown() throws SQLException {
    workers.forEach(Process::destroyForcibly);
    if (app != null) {
      app.close();
    }
    SecurityContextHolder.clearContext();
    if (schema != null) {
      try (Connection c = DriverManager.getConnection(SERVER, "postgres", "")) {
        c.createStatement().execute("drop schema if exists " + schema + " cascade");
      }
    }
  }

  @Test
  void two_workers_grade_every_submission_once_when_one_is_killed_mid_job() throws Exception {
    assumePostgres();
    int total = Integer.getInteger("lab.cluster.submissions", 30);
    int students = Integer.getInteger("lab.cluster.students", 10);
    schema = "plab_cluster_" + Long.toHexString(System.nanoTime());
    try (Connection c = DriverManager.getConnection(SERVER, "postgres", "")) {
      c.createStatement().execute("create schema " + schema);
    }
    String url = SERVER + "?currentSchema=" + schema + "&ApplicationName=" + schema;
    Path work = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "cluster-it-");
    Path sandbox = Path.of("target/grading/sandbox").toAbsolutePath();

    // The application node: migrates the schema, prepares the sandbox, queues, grades nothing.
    // Arguments, not default properties: they must win over application.properties.
    app =
        PruningLabApplication.withoutPages()
            .run(
                "--spring.datasource.url=" + url,
                "--spring.datasource.username=postgres",
                "--spring.datasource.password=",
                "--lab.data-dir=" + work.resolve("app"),
                "--lab.grading.workers=0",
                "--lab.grading.max-queued-per-student=20",
                "--lab.grading.sandbox-dir=" + sandbox,
                "--lab.deadlines.autograde=false");
    JdbcClient jdbc = app.getBean(JdbcClient.class);
    SubmissionService submissions = app.getBean(SubmissionService.class);

    Process first = startWorker(url, work, 1, sandbox);
    Process second = startWorker(url, work, 2, sandbox);

    // Students and their runs, queued before and while the workers start.
    Map<Long, String> expected = new HashMap<>();
    List<String> names = new ArrayList<>();
    for (int i = 0; i < students; i++) {
      String name = "student" + i;
      names.add(name);
      Instant now = Instant.now();
      jdbc.sql(
              "insert into account (username, display_name, email, role, created_at, updated_at)"
                  + " values (?, ?, ?, 'STUDENT', ?, ?)")
          .params(
              name, "Student " + i, name + "@example.org", Timestamp.from(now), Timestamp.from(now))
          .update();
    }
    for (int n = 0; n < total; n++) {
      String student = names.get(n % students);
      String exercise = EXERCISES.get((n / students + n) % EXERCISES.size());
      String kind =
          switch (n % 4) {
            case 0, 1 -> "reference";
            case 2 -> "starter";
            default -> "wrong";
          };
      signIn(student);
      long id = submissions.runPublicTests(exercise, fileOf(exercise), source(exercise, kind));
      expected.put(id, exercise + "/" + kind);
    }
    SecurityContextHolder.clearContext();

    // Kill the first worker while it grades (SIGKILL: no clean-up of any kind).
    String firstId = awaitRunningOn(jdbc, first.pid(), Duration.ofMinutes(3));
    long killedJob =
        jdbc.sql("select id from submission where status = 'RUNNING' and worker = ?")
            .param(firstId)
            .query(Long.class)
            .list()
            .get(0);
    first.destroyForcibly().waitFor();

    // A database outage in miniature: every connection of this test's processes is cut.
    try (Connection c = DriverManager.getConnection(SERVER, "postgres", "")) {
      c.createStatement()
          .execute(
              "select pg_terminate_backend(pid) from pg_stat_activity where application_name = '"
                  + schema
                  + "' and pid <> pg_backend_pid()");
    }

    Duration limit = Duration.ofSeconds(Long.getLong("lab.cluster.timeout-seconds", 900));
    Instant until = Instant.now().plus(limit);
    while (Instant.now().isBefore(until) && unfinished(jdbc) > 0) {
      Thread.sleep(1000);
    }
    assertThat(second.isAlive()).as("the surviving worker still runs").isTrue();
    assertThat(unfinished(jdbc)).as("submissions still without a result").isZero();

    // Nothing lost, each graded into exactly one result of record.
    assertThat(jdbc.sql("select count(*) from submission").query(Integer.class).single())
        .isEqualTo(total);
    assertThat(
            jdbc.sql(
                    "select count(*) from submission s where (select count(*) from grading_result"
                        + " r where r.submission_id = s.id) <> 1")
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

    // Reference runs that were graded (not superseded) pass; starter code does not.
    for (var row :
        jdbc.sql(
                "select s.id, r.verdict, r.score, r.max_score from submission s join"
                    + " grading_result r on r.submission_id = s.id")
            .query(
                (rs, n) ->
                    List.of(rs.getLong(1), rs.getString(2), rs.getDouble(3), rs.getDouble(4)))
            .list()) {
      String what = expected.get((Long) row.get(0));
      if (row.get(1).equals("superseded")) {
        continue;
      }
      if (what.endsWith("/reference")) {
        assertThat(row.get(2)).as(what + " #" + row.get(0)).isEqualTo(row.get(3));
      } else if (what.endsWith("/starter")) {
        assertThat((Double) row.get(2))
            .as(what + " #" + row.get(0))
            .isLessThan((Double) row.get(3));
      }
    }

    // The killed worker's job was taken over by the survivor, on its second attempt.
    var killed =
        jdbc.sql("select attempts, worker, status from submission where id = ?")
            .param(killedJob)
            .query((rs, n) -> List.of(rs.getInt(1), rs.getString(2), rs.getString(3)))
            .single();
    String secondId = workerId(jdbc, second.pid());
    assertThat(killed).containsExactly(2, secondId, "DONE");
    System.out.printf(
        "cluster: %d submissions, %d students, verdicts %s, killed job #%d retaken by %s%n",
        total, students, verdicts, killedJob, secondId);
  }

  private Process startWorker(String url, Path work, int n, Path sandbox) throws IOException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> command =
        List.of(
            java,
            "-Xmx384m",
            "-cp",
            System.getProperty("java.class.path"),
            PruningLabApplication.class.getName(),
            "worker",
            "--spring.datasource.url=" + url,
            "--spring.datasource.username=postgres",
            "--spring.datasource.password=",
            "--lab.data-dir=" + work.resolve("worker-" + n),
            "--lab.grading.sandbox-dir=" + sandbox,
            "--lab.grading.exercises-dir=" + Path.of("exercises").toAbsolutePath(),
            "--lab.grading.grader-dir=" + Path.of("grader").toAbsolutePath(),
            "--lab.grading.lease-timeout=8s",
            "--lab.grading.workers=1",
            "--spring.flyway.enabled=false");
    Process p =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(work.resolve("worker-" + n + ".log").toFile())
            .start();
    workers.add(p);
    return p;
  }

  /** Waits until the worker of this process id runs a job; its worker id. */
  private static String awaitRunningOn(JdbcClient jdbc, long pid, Duration limit)
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

  private static String workerId(JdbcClient jdbc, long pid) {
    return jdbc.sql("select id from grading_worker where id like ?")
        .param("%-" + pid + "-worker")
        .query(String.class)
        .single();
  }

  private static int unfinished(JdbcClient jdbc) {
    try {
      return jdbc.sql("select count(*) from submission where status <> 'DONE'")
          .query(Integer.class)
          .single();
    } catch (RuntimeException connectionCut) {
      return Integer.MAX_VALUE;
    }
  }

  private static void signIn(String username) {
    SecurityContextHolder.getContext()
        .setAuthentication(
            UsernamePasswordAuthenticationToken.authenticated(
                username,
                null,
                List.of(new SimpleGrantedAuthority("ROLE_" + Role.STUDENT.name()))));
  }

  private static String fileOf(String exercise) {
    return switch (exercise) {
      case "kthvalue" -> "KthvaluePruning.java";
      case "mask-fine-tune" -> "MaskedFineTune.java";
      default -> "FilterPruner.java";
    };
  }

  private static byte[] source(String exercise, String kind) throws IOException {
    Path file =
        switch (kind) {
          case "reference" -> Path.of("grader", exercise, "reference", fileOf(exercise));
          case "starter" -> Path.of("exercises", exercise, "starter", fileOf(exercise));
          default -> {
            try (var variants = Files.list(Path.of("grader", exercise, "wrong"))) {
              Path first = variants.sorted().findFirst().orElseThrow();
              yield first.resolve(fileOf(exercise));
            }
          }
        };
    return Files.readString(file).getBytes(StandardCharsets.UTF_8);
  }

  private static void assumePostgres() {
    boolean reachable;
    try (Connection c = DriverManager.getConnection(SERVER, "postgres", "")) {
      reachable = c.isValid(2);
    } catch (SQLException e) {
      reachable = false;
    }
    if (System.getenv("LAB_REQUIRE_POSTGRES") != null) {
      assertThat(reachable).as("PostgreSQL on 127.0.0.1:5432 (LAB_REQUIRE_POSTGRES)").isTrue();
    }
    assumeTrue(reachable, "no PostgreSQL on 127.0.0.1:5432 (database test, trust auth)");
  }
}
