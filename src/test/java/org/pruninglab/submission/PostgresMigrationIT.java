package org.pruninglab.submission;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Instant;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The migrations and the submission queries on PostgreSQL (the multi-node database), in a fresh
 * schema of the local server. Skipped where no PostgreSQL listens on 127.0.0.1:5432.
 */
class PostgresMigrationIT {

  private static final String URL = "jdbc:postgresql://127.0.0.1:5432/test";

  @Test
  void migrations_and_submission_storage_work_on_postgresql() throws SQLException {
    assumePostgres();
    String schema = "plab_" + Long.toHexString(System.nanoTime());
    PGSimpleDataSource ds = new PGSimpleDataSource();
    ds.setURL(URL + "?currentSchema=" + schema);
    ds.setUser("postgres");
    try {
      Flyway.configure()
          .dataSource(ds)
          .schemas(schema)
          .createSchemas(true)
          .locations("classpath:db/migration")
          .load()
          .migrate();
      JdbcClient jdbc = JdbcClient.create(ds);
      jdbc.sql(
              "insert into account (username, display_name, email, role, created_at,"
                  + " updated_at) values ('pg', 'PG', 'pg@example.org', 'STUDENT', ?, ?)")
          .params(java.sql.Timestamp.from(Instant.now()), java.sql.Timestamp.from(Instant.now()))
          .update();
      long account = jdbc.sql("select id from account").query(Long.class).single();
      SubmissionRepository repo = new SubmissionRepository(jdbc);
      byte[] bytes = {(byte) 0xF6, 0, 1, 2};
      long id =
          repo.insert(
              account, "kthvalue", "K.java", bytes, SubmissionKind.SUBMISSION, Instant.now());
      int stale = repo.claim(id, "worker-that-died");
      int attempt = repo.claim(id, "worker-b");
      assertThat(attempt).isEqualTo(stale + 1);
      repo.storeResult(
          id,
          attempt,
          "cpu()",
          "ok",
          24,
          24,
          "16 of 16 tests passed.",
          "{}",
          1800,
          Instant.now(),
          java.util.Map.of("sparsity", 0.9, "device", "cpu()"));

      // The dead worker's attempt comes back late: it is refused and changes nothing.
      assertThat(
              repo.storeResult(
                  id,
                  stale,
                  "cpu()",
                  "crashed",
                  0,
                  24,
                  "late",
                  "{}",
                  1,
                  Instant.now(),
                  java.util.Map.of()))
          .isFalse();
      assertThat(repo.claim(id, "worker-c")).as("a graded job is not taken again").isZero();

      Submission s = repo.find(id).orElseThrow();
      assertThat(s.result().verdict()).isEqualTo("ok");
      assertThat(repo.source(id)).isEqualTo(bytes);
      assertThat(s.status()).isEqualTo(SubmissionStatus.DONE);
      assertThat(s.result().metrics())
          .containsEntry("sparsity", 0.9)
          .containsEntry("device", "cpu()");
      assertThat(repo.unfinished()).isEmpty();
      assertThat(jdbc.sql("select count(*) from scheduled_tasks").query(Integer.class).single())
          .isZero();
    } finally {
      try (Connection c = DriverManager.getConnection(URL, "postgres", "")) {
        c.createStatement().execute("drop schema if exists " + schema + " cascade");
      }
    }
  }

  /**
   * Skips without a server, unless {@code LAB_REQUIRE_POSTGRES} is set (CI sets it after making
   * sure one runs): then a missing server fails the test instead of hiding it.
   */
  static void assumePostgres() {
    boolean required = System.getenv("LAB_REQUIRE_POSTGRES") != null;
    if (required) {
      assertThat(reachable()).as("PostgreSQL on 127.0.0.1:5432 (LAB_REQUIRE_POSTGRES)").isTrue();
    }
    assumeTrue(reachable(), "no PostgreSQL on 127.0.0.1:5432 (database test, trust auth)");
  }

  static boolean reachable() {
    try (Connection c = DriverManager.getConnection(URL, "postgres", "")) {
      return c.isValid(2);
    } catch (SQLException e) {
      return false;
    }
  }
}
