package org.pruninglab;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.pruninglab.account.TestAccounts;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * A grading backend for tests and benchmarks, on the real PostgreSQL of this machine: a fresh
 * schema, an application node in this JVM that queues and grades nothing itself, and worker
 * processes started and killed at will. Closing it stops everything and drops the schema.
 */
final class GradingCluster implements AutoCloseable {

  static final List<String> EXERCISES = List.of("kthvalue", "mask-fine-tune", "filter-pruning");

  final String schema;
  final String url;
  final Path work;
  final ConfigurableApplicationContext app;
  final JdbcClient jdbc;
  private final Path sandbox = Path.of("target/grading/sandbox").toAbsolutePath();
  private final List<Process> workers = new ArrayList<>();

  private GradingCluster(String prefix, String... appArgs) throws Exception {
    schema = prefix + "_" + Long.toHexString(System.nanoTime());
    try (Connection c = LocalPostgres.connect()) {
      c.createStatement().execute("create schema " + schema);
    }
    url = LocalPostgres.URL + "?currentSchema=" + schema + "&ApplicationName=" + schema;
    work = Files.createTempDirectory(Path.of("target").toAbsolutePath(), prefix + "-");
    List<String> args =
        new ArrayList<>(
            List.of(
                "--spring.profiles.active=postgres",
                "--lab.database.url=" + url,
                "--lab.database.username=postgres",
                "--lab.database.password=",
                "--lab.data-dir=" + work.resolve("app"),
                "--lab.grading.workers=0",
                "--lab.grading.max-queued-per-student=20",
                "--lab.grading.sandbox-dir=" + sandbox,
                "--lab.deadlines.autograde=false"));
    args.addAll(List.of(appArgs));
    // Arguments, not default properties: they must win over application.properties.
    app = PruningLabApplication.withoutPages().run(args.toArray(String[]::new));
    jdbc = app.getBean(JdbcClient.class);
  }

  /**
   * Starts the application node on a fresh schema (migrations, sandbox preparation); where no
   * PostgreSQL listens, skips the test or fails it ({@link Environment}).
   */
  static GradingCluster start(String prefix, String... appArgs) throws Exception {
    Environment.require(Environment.Need.POSTGRES, Environment.Need.SANDBOX);
    return new GradingCluster(prefix, appArgs);
  }

  <T> T bean(Class<T> type) {
    return app.getBean(type);
  }

  /** Starts a worker process with one grading thread per {@code threads}. */
  Process startWorker(int n, String... extraArgs) throws IOException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> command = new ArrayList<>(List.of(java, "-Xmx384m"));
    // -Dlab.cluster.worker-jvm="…": more JVM options for the workers (benchmarks try flags).
    String jvm = System.getProperty("lab.cluster.worker-jvm", "").trim();
    if (!jvm.isEmpty()) {
      command.addAll(List.of(jvm.split("\\s+")));
    }
    command.addAll(
        List.of(
            "-cp",
            System.getProperty("java.class.path"),
            PruningLabApplication.class.getName(),
            "worker",
            "--spring.profiles.active=postgres",
            "--lab.database.url=" + url,
            "--lab.database.username=postgres",
            "--lab.database.password=",
            "--lab.data-dir=" + work.resolve("worker-" + n),
            "--lab.grading.sandbox-dir=" + sandbox,
            "--lab.grading.exercises-dir=" + Path.of("exercises").toAbsolutePath(),
            "--lab.grading.grader-dir=" + Path.of("grader").toAbsolutePath(),
            "--lab.grading.lease-timeout=8s",
            "--spring.flyway.enabled=false"));
    // A property given twice on Spring's command line reads as both values joined: one or the
    // other.
    if (Arrays.stream(extraArgs).noneMatch(a -> a.startsWith("--lab.grading.workers="))) {
      command.add("--lab.grading.workers=1");
    }
    command.addAll(List.of(extraArgs));
    Process p =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(work.resolve("worker-" + n + ".log").toFile())
            .start();
    workers.add(p);
    return p;
  }

  /** Waits until this many workers announced themselves (they are ready to take jobs). */
  void awaitWorkers(int count, Duration limit) throws InterruptedException {
    Instant until = Instant.now().plus(limit);
    while (Instant.now().isBefore(until)) {
      if (jdbc.sql("select count(*) from grading_worker where stopped_at is null")
              .query(Integer.class)
              .single()
          >= count) {
        return;
      }
      Thread.sleep(200);
    }
    throw new AssertionError(count + " workers did not start within " + limit);
  }

  /** The worker id of a worker process. */
  String workerId(long pid) {
    return jdbc.sql("select id from grading_worker where id like ?")
        .param("%-" + pid + "-worker")
        .query(String.class)
        .single();
  }

  /** Creates student accounts {@code student0} … and returns their names. */
  List<String> students(int count) {
    List<String> names = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      names.add("student" + i);
      TestAccounts.insertStudent(jdbc, "student" + i);
    }
    return names;
  }

  /** Submissions without a result yet (a cut connection counts as "not known yet"). */
  int unfinished() {
    try {
      return jdbc.sql("select count(*) from submission where status <> 'DONE'")
          .query(Integer.class)
          .single();
    } catch (RuntimeException connectionCut) {
      return Integer.MAX_VALUE;
    }
  }

  /** Waits until every submission has a result; false at the limit. */
  boolean awaitAllDone(Duration limit) throws InterruptedException {
    Instant until = Instant.now().plus(limit);
    while (Instant.now().isBefore(until)) {
      if (unfinished() == 0) {
        return true;
      }
      Thread.sleep(500);
    }
    return false;
  }

  static String fileOf(String exercise) {
    return switch (exercise) {
      case "kthvalue" -> "KthvaluePruning.java";
      case "mask-fine-tune" -> "MaskedFineTune.java";
      default -> "FilterPruner.java";
    };
  }

  /** The reference solution, the starter code, or the first known-wrong variant. */
  static byte[] source(String exercise, String kind) throws IOException {
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

  /** Cuts every database connection of this cluster's processes (a database restart, in small). */
  void cutConnections() throws SQLException {
    try (Connection c = LocalPostgres.connect()) {
      c.createStatement()
          .execute(
              "select pg_terminate_backend(pid) from pg_stat_activity where application_name = '"
                  + schema
                  + "' and pid <> pg_backend_pid()");
    }
  }

  @Override
  public void close() throws SQLException {
    workers.forEach(Process::destroyForcibly);
    for (Process p : workers) {
      try {
        p.waitFor();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    app.close();
    SecurityContextHolder.clearContext();
    try (Connection c = LocalPostgres.connect()) {
      c.createStatement().execute("drop schema if exists " + schema + " cascade");
    }
  }
}
