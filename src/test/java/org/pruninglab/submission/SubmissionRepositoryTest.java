package org.pruninglab.submission;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pruninglab.account.TestAccounts;
import org.pruninglab.grading.GradingResult;
import org.pruninglab.grading.Verdict;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The repository on a real H2 database (the migrations, no Spring): results come back typed, as
 * they were stored, and a list of rows costs the same number of statements whatever its length.
 */
class SubmissionRepositoryTest {

  private static final AtomicInteger DATABASES = new AtomicInteger();

  /** Statements prepared on the database since the last reset. */
  private final AtomicInteger statements = new AtomicInteger();

  private JdbcClient jdbc;
  private SubmissionRepository repo;
  private long account;

  @BeforeEach
  void setUp() {
    JdbcDataSource h2 = new JdbcDataSource();
    h2.setURL(
        "jdbc:h2:mem:submission-repository-" + DATABASES.incrementAndGet() + ";DB_CLOSE_DELAY=-1");
    Flyway.configure().dataSource(h2).locations("classpath:db/migration").load().migrate();
    jdbc = JdbcClient.create(counting(h2));
    repo = new SubmissionRepository(jdbc, new ObjectMapper());
    account = TestAccounts.insertStudent(jdbc, "ann");
  }

  @Test
  void a_list_of_graded_submissions_is_read_in_two_statements_however_long() {
    List<Long> ids = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      ids.add(graded(i, Map.of("sparsity", 0.5 + i / 100.0, "device", "cpu()")));
    }
    queued(); // one without a result, in the same list

    statements.set(0);
    List<Submission> list = repo.findByAccount(account, "kthvalue");

    assertThat(list).hasSize(13);
    assertThat(statements.get()).as("statements for 13 rows").isEqualTo(2);
    assertThat(list.get(1).result().metrics())
        .as("each row gets its own metrics")
        .containsEntry("sparsity", 0.5 + 11 / 100.0)
        .containsEntry("device", "cpu()");

    statements.set(0);
    assertThat(repo.findAllByAccount(account)).hasSize(13);
    assertThat(repo.findAllKinds(account, "kthvalue")).hasSize(13);
    assertThat(repo.findByExercise("kthvalue")).hasSize(13);
    assertThat(statements.get()).as("statements for three lists").isEqualTo(6);
  }

  @Test
  void a_result_comes_back_typed_as_it_was_stored() {
    long id = graded(26, Map.of("accuracy.pruned", 0.81));

    Submission s = repo.find(id).orElseThrow();

    assertThat(s.result().byGrader()).isTrue();
    assertThat(s.result().verdict()).isEqualTo(Verdict.OK);
    assertThat(s.result().score()).isEqualTo(26);
    assertThat(s.result().totalMillis()).isEqualTo(1800);
    assertThat(s.result().packVersion()).isEqualTo("0123456789ab" + "c".repeat(52));
    assertThat(s.result().metrics()).containsExactly(Map.entry("accuracy.pruned", 0.81));
  }

  @Test
  void a_service_ending_is_stored_and_read_as_one() {
    long id = queued();
    GradingResult ending =
        GradingResult.ending("kthvalue", true, Verdict.SUPERSEDED, "Skipped: newer run #9.", 26);

    assertThat(repo.storeResult(id, 0, null, new StoredResult(ending, false, Instant.now(), null)))
        .isTrue();

    StoredResult r = repo.find(id).orElseThrow().result();
    assertThat(r.byGrader()).isFalse();
    assertThat(r.verdict()).isEqualTo(Verdict.SUPERSEDED);
    assertThat(r.summary()).isEqualTo("Skipped: newer run #9.");
    assertThat(r.maxScore()).isEqualTo(26);
    assertThat(r.grading().tests()).isEmpty();
  }

  @Test
  void a_stored_result_that_cannot_be_read_is_an_error_naming_the_submission_not_a_null() {
    long id = graded(26, Map.of());
    jdbc.sql("update grading_result set result_json = '{\"tests\": 7' where submission_id = ?")
        .param(id)
        .update();

    assertThatThrownBy(() -> repo.find(id))
        .isInstanceOf(UnreadableResultException.class)
        .hasMessageContaining("submission " + id);
  }

  private long queued() {
    return repo.insert(
        account, "kthvalue", "K.java", new byte[] {1}, SubmissionKind.SUBMISSION, Instant.now());
  }

  private long graded(double score, Map<String, Object> metrics) {
    long id = queued();
    int attempt = repo.claim(id, "worker");
    GradingResult r = TestResults.graded("kthvalue", Verdict.OK, score, 26, metrics);
    boolean stored =
        repo.storeResult(
            id,
            attempt,
            "cpu()",
            new StoredResult(r, true, Instant.now(), "0123456789ab" + "c".repeat(52)));
    assertThat(stored).isTrue();
    return id;
  }

  /** The data source, counting every statement its connections prepare or create. */
  private DataSource counting(DataSource target) {
    return (DataSource)
        Proxy.newProxyInstance(
            getClass().getClassLoader(),
            new Class<?>[] {DataSource.class},
            (proxy, method, args) -> {
              Object result = invoke(method, target, args);
              if (result instanceof Connection c) {
                return countingConnection(c);
              }
              return result;
            });
  }

  private Connection countingConnection(Connection target) {
    return (Connection)
        Proxy.newProxyInstance(
            getClass().getClassLoader(),
            new Class<?>[] {Connection.class},
            (proxy, method, args) -> {
              String name = method.getName();
              if (name.equals("prepareStatement")
                  || name.equals("prepareCall")
                  || name.equals("createStatement")) {
                statements.incrementAndGet();
              }
              return invoke(method, target, args);
            });
  }

  private static Object invoke(Method method, Object target, Object[] args) throws Throwable {
    try {
      return method.invoke(target, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }
}
