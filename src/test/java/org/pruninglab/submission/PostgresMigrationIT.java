package org.pruninglab.submission;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;
import org.pruninglab.Environment.Need;
import org.pruninglab.LocalPostgres;
import org.pruninglab.Needs;
import org.pruninglab.account.TestAccounts;
import org.pruninglab.grading.GradingResult;
import org.pruninglab.grading.Verdict;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The migrations and the submission queries on PostgreSQL (the multi-node database), in a fresh
 * schema of the local server.
 */
@Needs(Need.POSTGRES)
class PostgresMigrationIT {

  @Test
  void migrations_and_submission_storage_work_on_postgresql() throws SQLException {
    String schema = "plab_" + Long.toHexString(System.nanoTime());
    PGSimpleDataSource ds = new PGSimpleDataSource();
    ds.setURL(LocalPostgres.URL + "?currentSchema=" + schema);
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
      long account = TestAccounts.insertStudent(jdbc, "pg");
      SubmissionRepository repo = new SubmissionRepository(jdbc, new ObjectMapper());
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
          new StoredResult(
              TestResults.graded(
                  "kthvalue", Verdict.OK, 24, 24, Map.of("sparsity", 0.9, "device", "cpu()")),
              true,
              Instant.now(),
              "ab".repeat(32)));

      // The dead worker's attempt comes back late: it is refused and changes nothing.
      assertThat(
              repo.storeResult(
                  id,
                  stale,
                  "cpu()",
                  new StoredResult(
                      GradingResult.ending("kthvalue", true, Verdict.CRASHED, "late", 24),
                      false,
                      Instant.now(),
                      null)))
          .isFalse();
      assertThat(repo.claim(id, "worker-c")).as("a graded job is not taken again").isZero();

      Submission s = repo.find(id).orElseThrow();
      assertThat(s.result().verdict()).isEqualTo(Verdict.OK);
      assertThat(s.result().packVersion()).isEqualTo("ab".repeat(32));
      assertThat(repo.source(id)).isEqualTo(bytes);
      assertThat(s.status()).isEqualTo(SubmissionStatus.DONE);
      assertThat(s.result().metrics())
          .containsEntry("sparsity", 0.9)
          .containsEntry("device", "cpu()");
      assertThat(repo.unfinished()).isEmpty();
      assertThat(jdbc.sql("select count(*) from scheduled_tasks").query(Integer.class).single())
          .isZero();
    } finally {
      try (Connection c = LocalPostgres.connect()) {
        c.createStatement().execute("drop schema if exists " + schema + " cascade");
      }
    }
  }
}
