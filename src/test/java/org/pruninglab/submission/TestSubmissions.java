package org.pruninglab.submission;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The submission feature's services on a test database with no application around it, for tests of
 * the grading backend, which reach submissions only through these services.
 */
public final class TestSubmissions {

  private TestSubmissions() {}

  public static GradingJobs jobs(DataSource ds) {
    return new GradingJobs(repository(ds));
  }

  public static ResultStore results(
      DataSource ds, GradingEvents events, List<GradingListener> listeners) {
    return new ResultStore(
        repository(ds),
        new TransactionTemplate(new DataSourceTransactionManager(ds)),
        listeners,
        events,
        Clock.systemUTC());
  }

  /** A stored submission, waiting (not queued: the caller queues it). */
  public static long insert(
      DataSource ds, long accountId, String exerciseId, byte[] source, SubmissionKind kind) {
    return repository(ds).insert(accountId, exerciseId, "X.java", source, kind, Instant.now());
  }

  /** A staff grading of a stored submission's source, waiting. */
  public static long insertGrading(DataSource ds, long originId, SubmissionKind kind) {
    return repository(ds).insertGrading(originId, kind, Instant.now());
  }

  private static SubmissionRepository repository(DataSource ds) {
    return new SubmissionRepository(JdbcClient.create(ds), new ObjectMapper());
  }
}
