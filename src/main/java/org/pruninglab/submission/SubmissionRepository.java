package org.pruninglab.submission;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.pruninglab.grading.GradingProgress.Phase;
import org.pruninglab.grading.GradingResult;
import org.pruninglab.grading.Verdict;
import org.pruninglab.grading.harness.ResultNames;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/**
 * Reads and writes {@code submission}, {@code grading_result} and {@code pruning_metric}. It is the
 * one place that turns a {@link GradingResult} into stored JSON and back: the columns lists and
 * sums need ({@code verdict}, {@code score}, …) are written beside the document, a service ending
 * (no test ran) is stored as the empty document, and a document that cannot be read is an error
 * that names the submission, never a missing result. The metrics of a list of rows are read in one
 * query with the same condition as the rows, never one query per row.
 */
@Repository
class SubmissionRepository {

  private static final Logger LOG = LoggerFactory.getLogger(SubmissionRepository.class);

  private static final String FROM =
      " from submission s left join grading_result r on r.submission_id = s.id";

  private static final String SELECT =
      "select s.id, s.account_id, s.exercise_id, s.file_name, s.hidden, s.kind,"
          + " s.status, s.origin_id,"
          + " s.submitted_at, r.verdict, r.score, r.max_score, r.summary, r.result_json,"
          + " r.total_millis, r.finished_at, r.pack_version"
          + FROM;

  /** The stored document of a service ending: the columns hold all there is. */
  private static final String NO_DOCUMENT = "{}";

  private final JdbcClient jdbc;
  private final ObjectMapper json;
  private final ObjectReader reader;

  SubmissionRepository(JdbcClient jdbc, ObjectMapper json) {
    this.jdbc = jdbc;
    this.json = json;
    // A field a newer build added is no reason to refuse a result.
    this.reader =
        json.readerFor(GradingResult.class)
            .without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
  }

  long insert(
      long accountId,
      String exerciseId,
      String fileName,
      byte[] source,
      SubmissionKind kind,
      Instant now) {
    GeneratedKeyHolder key = new GeneratedKeyHolder();
    jdbc.sql(
            "insert into submission (account_id, exercise_id, file_name, source, hidden, kind,"
                + " status, submitted_at) values (?, ?, ?, ?, ?, ?, 'QUEUED', ?)")
        .params(
            accountId,
            exerciseId,
            fileName,
            source,
            kind == SubmissionKind.SUBMISSION,
            kind.label(),
            Timestamp.from(now))
        .update(key, "id");
    long id = key.getKey().longValue();
    recordPhase(id, Phase.QUEUED, now);
    return id;
  }

  /** Keeps the first time a phase was reached. */
  void recordPhase(long id, Phase phase, Instant at) {
    jdbc.sql(
            "insert into grading_phase (submission_id, phase, at) select ?, ?, ? from submission"
                + " where id = ? and not exists (select 1 from grading_phase where"
                + " submission_id = ? and phase = ?)")
        .params(id, phase.label(), Timestamp.from(at), id, id, phase.label())
        .update();
  }

  List<PhaseTime> phases(long id) {
    return jdbc.sql("select phase, at from grading_phase where submission_id = ? order by at")
        .param(id)
        .query(
            (rs, n) ->
                new PhaseTime(
                    Phase.valueOf(rs.getString(1).toUpperCase(Locale.ROOT)),
                    rs.getTimestamp(2).toInstant()))
        .list();
  }

  Optional<GradingRun> gradingRun(long id) {
    return jdbc.sql("select worker, device, attempts from submission where id = ?")
        .param(id)
        .query((rs, n) -> new GradingRun(rs.getString(1), rs.getString(2), rs.getInt(3)))
        .optional();
  }

  /** The student and exercise of a stored submission. */
  Optional<Map.Entry<Long, String>> owner(long id) {
    return jdbc.sql("select account_id, exercise_id from submission where id = ?")
        .param(id)
        .query((rs, n) -> Map.entry(rs.getLong(1), rs.getString(2)))
        .optional();
  }

  /** The student's jobs of the same queue band that were queued before this one and still wait. */
  int waitingBefore(long accountId, SubmissionKind kind, long id) {
    List<String> sameBand =
        Arrays.stream(SubmissionKind.values())
            .filter(k -> k.priority() == kind.priority())
            .map(SubmissionKind::label)
            .toList();
    return jdbc.sql(
            "select count(*) from submission where account_id = :account and status = 'QUEUED'"
                + " and id < :id and kind in (:kinds)")
        .param("account", accountId)
        .param("id", id)
        .param("kinds", sameBand)
        .query(Integer.class)
        .single();
  }

  /** The student's practice runs of the exercise that still wait and are older than {@code id}. */
  List<Long> olderQueuedRuns(long accountId, String exerciseId, long id) {
    return jdbc.sql(
            "select id from submission where account_id = ? and exercise_id = ? and kind = 'run'"
                + " and status = 'QUEUED' and id < ? order by id")
        .params(accountId, exerciseId, id)
        .query(Long.class)
        .list();
  }

  /** How many times a worker has started the job (0 while it never ran). */
  int attempts(long id) {
    return jdbc.sql("select attempts from submission where id = ?")
        .param(id)
        .query(Integer.class)
        .single();
  }

  /** Whether the job has its result (graded, superseded, cancelled). */
  boolean done(long id) {
    return jdbc.sql("select count(*) from submission where id = ? and status = 'DONE'")
            .param(id)
            .query(Integer.class)
            .single()
        > 0;
  }

  /**
   * Takes a job for one attempt: counts the attempt and names the worker. The returned number is
   * the attempt's fencing token for {@link #storeResult}; 0 when the job is done already.
   */
  int claim(long id, String worker) {
    int updated =
        jdbc.sql(
                "update submission set status = 'RUNNING', attempts = attempts + 1, worker = ?"
                    + " where id = ? and status <> 'DONE'")
            .params(truncate(worker, 100), id)
            .update();
    if (updated == 0) {
      return 0;
    }
    return jdbc.sql("select attempts from submission where id = ?")
        .param(id)
        .query(Integer.class)
        .single();
  }

  List<Submission> findByExercise(String exerciseId) {
    return select("s.exercise_id = ? and s.kind = 'submission'", "s.id", exerciseId);
  }

  /** Every grading of a student's work for an exercise, all kinds, newest first (for staff). */
  List<Submission> findAllKinds(long accountId, String exerciseId) {
    return select(
        "s.account_id = ? and s.exercise_id = ?",
        "s.submitted_at desc, s.id desc",
        accountId,
        exerciseId);
  }

  /** The regrades and after-deadline gradings of a submission, oldest first. */
  List<Submission> gradingsOf(long originId) {
    return select("s.origin_id = ?", "s.id", originId);
  }

  /** A new grading of a stored submission's source, queued for the grading queue. */
  long insertGrading(long originId, SubmissionKind kind, Instant now) {
    GeneratedKeyHolder key = new GeneratedKeyHolder();
    jdbc.sql(
            "insert into submission (account_id, exercise_id, file_name, source, hidden, kind,"
                + " status, submitted_at, origin_id) select account_id, exercise_id, file_name,"
                + " source, true, ?, 'QUEUED', ?, id from submission where id = ?")
        .params(kind.label(), Timestamp.from(now), originId)
        .update(key, "id");
    long id = key.getKey().longValue();
    recordPhase(id, Phase.QUEUED, now);
    return id;
  }

  /** The median grading time of the last 50 results, in milliseconds (0 when none yet). */
  long recentMedianMillis(String exerciseId) {
    List<Long> recent =
        jdbc.sql(
                "select r.total_millis from grading_result r join submission s on s.id ="
                    + " r.submission_id where s.exercise_id = ? order by r.finished_at desc"
                    + " fetch first 50 rows only")
            .param(exerciseId)
            .query(Long.class)
            .list();
    if (recent.isEmpty()) {
      return 0;
    }
    List<Long> sorted = recent.stream().sorted().toList();
    return sorted.get(sorted.size() / 2);
  }

  List<Submission> findAllByAccount(long accountId) {
    return select(
        "s.account_id = ? and s.kind in ('run', 'submission')",
        "s.submitted_at desc, s.id desc",
        accountId);
  }

  /**
   * Stores a job's result when {@code attempt} is still the job's latest attempt and the job is
   * running; false (nothing written) when another attempt took the job over or stored it first. An
   * {@code attempt} of 0 stores for a job that no worker took, and only while it still waits (a
   * superseded run); false when a worker has taken it meanwhile.
   */
  boolean storeResult(long id, int attempt, String device, StoredResult result) {
    int fenced =
        attempt > 0
            ? jdbc.sql(
                    "update submission set status = 'DONE', device = ? where id = ? and status ="
                        + " 'RUNNING' and attempts = ?")
                .params(device == null ? null : truncate(device, 40), id, attempt)
                .update()
            : jdbc.sql("update submission set status = 'DONE' where id = ? and status = 'QUEUED'")
                .param(id)
                .update();
    if (fenced == 0) {
      return false;
    }
    GradingResult r = result.grading();
    jdbc.sql("delete from pruning_metric where submission_id = ?").param(id).update();
    jdbc.sql("delete from grading_result where submission_id = ?").param(id).update();
    jdbc.sql(
            "insert into grading_result (submission_id, verdict, score, max_score, summary,"
                + " result_json, total_millis, finished_at, pack_version)"
                + " values (?, ?, ?, ?, ?, ?, ?, ?, ?)")
        .params(
            id,
            r.verdict().label(),
            r.score(),
            r.maxScore(),
            truncate(r.summary(), 1000),
            result.byGrader() ? document(id, r) : NO_DOCUMENT,
            r.timings().total(),
            Timestamp.from(result.finishedAt()),
            result.packVersion())
        .update();
    r.metrics()
        .forEach(
            (name, value) ->
                jdbc.sql(
                        "insert into pruning_metric (submission_id, name,"
                            + " number_value, text_value) values (?, ?, ?, ?)")
                    .params(
                        id,
                        truncate(name, 64),
                        value instanceof Number n ? n.doubleValue() : null,
                        value instanceof Number || value == null
                            ? null
                            : truncate(value.toString(), 200))
                    .update());
    return true;
  }

  private String document(long id, GradingResult r) {
    try {
      return json.writeValueAsString(r);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write the result of submission " + id, e);
    }
  }

  Optional<Submission> find(long id) {
    return select("s.id = ?", "s.id", id).stream().findFirst();
  }

  List<Submission> findByAccount(long accountId, String exerciseId) {
    return select(
        "s.account_id = ? and s.exercise_id = ? and s.kind in ('run', 'submission')",
        "s.submitted_at desc, s.id desc",
        accountId,
        exerciseId);
  }

  byte[] source(long id) {
    return jdbc.sql("select source from submission where id = ?")
        .param(id)
        .query((rs, n) -> rs.getBytes(1))
        .single();
  }

  int activeCount(long accountId) {
    return jdbc.sql(
            "select count(*) from submission where account_id = ? and status <> 'DONE'"
                + " and kind in ('run', 'submission')")
        .param(accountId)
        .query(Integer.class)
        .single();
  }

  /** Submissions not graded yet, oldest first: queued, or interrupted while running. */
  List<Map.Entry<Long, SubmissionKind>> unfinished() {
    return jdbc.sql("select id, kind from submission where status <> 'DONE' order by id")
        .query((rs, n) -> Map.entry(rs.getLong(1), SubmissionKind.ofLabel(rs.getString(2))))
        .list();
  }

  /**
   * The rows {@code where} selects, in {@code order}, each with its result and metrics: two
   * statements whatever the number of rows (the metrics of all of them in one query under the same
   * condition).
   */
  private List<Submission> select(String where, String order, Object... params) {
    List<Row> rows =
        jdbc.sql(SELECT + " where " + where + " order by " + order)
            .params(params)
            .query(this::toRow)
            .list();
    if (rows.stream().noneMatch(r -> r.result != null)) {
      return rows.stream().map(r -> r.submission(Map.of())).toList();
    }
    Map<Long, Map<String, Object>> metrics = new HashMap<>();
    jdbc.sql(
            "select m.submission_id, m.name, m.number_value, m.text_value from pruning_metric m"
                + " where m.submission_id in (select s.id"
                + FROM
                + " where "
                + where
                + ") order by m.submission_id, m.name")
        .params(params)
        .query(
            (ResultSet rs) -> {
              double number = rs.getDouble(3);
              boolean text = rs.wasNull(); // before the next get, which resets it
              metrics
                  .computeIfAbsent(rs.getLong(1), k -> new LinkedHashMap<>())
                  .put(rs.getString(2), text ? rs.getString(4) : (Object) number);
            });
    List<Submission> out = new ArrayList<>(rows.size());
    for (Row r : rows) {
      out.add(r.submission(metrics.getOrDefault(r.submission.id(), Map.of())));
    }
    return out;
  }

  /** A row before its metrics are known: the submission without a result, and the result's. */
  private record Row(Submission submission, ResultColumns result) {

    Submission submission(Map<String, Object> metrics) {
      if (result == null) {
        return submission;
      }
      Submission s = submission;
      return new Submission(
          s.id(),
          s.accountId(),
          s.exerciseId(),
          s.fileName(),
          s.hidden(),
          s.kind(),
          s.status(),
          s.submittedAt(),
          result.toStored(metrics),
          s.originId());
    }
  }

  /** A result as read from its row, with its document parsed (or none, for a service ending). */
  private record ResultColumns(
      GradingResult document,
      String exerciseId,
      boolean hidden,
      Verdict verdict,
      double score,
      double maxScore,
      String summary,
      Instant finishedAt,
      String packVersion) {

    StoredResult toStored(Map<String, Object> metrics) {
      if (document == null) {
        GradingResult ending = GradingResult.ending(exerciseId, hidden, verdict, summary, maxScore);
        return new StoredResult(ending, false, finishedAt, packVersion);
      }
      // The metrics table is what lists and sums read; it and the document hold the same values.
      return new StoredResult(document.withMetrics(metrics), true, finishedAt, packVersion);
    }
  }

  private Row toRow(ResultSet rs, int row) throws SQLException {
    long id = rs.getLong("id");
    Submission submission =
        new Submission(
            id,
            rs.getLong("account_id"),
            rs.getString("exercise_id"),
            rs.getString("file_name"),
            rs.getBoolean("hidden"),
            SubmissionKind.ofLabel(rs.getString("kind")),
            SubmissionStatus.valueOf(rs.getString("status")),
            rs.getTimestamp("submitted_at").toInstant(),
            null,
            rs.getObject("origin_id") == null ? null : rs.getLong("origin_id"));
    String verdict = rs.getString("verdict");
    if (verdict == null) {
      return new Row(submission, null);
    }
    String document = rs.getString("result_json");
    return new Row(
        submission,
        new ResultColumns(
            NO_DOCUMENT.equals(document) ? null : parse(id, document),
            submission.exerciseId(),
            submission.hidden(),
            verdict(id, verdict),
            rs.getDouble("score"),
            rs.getDouble("max_score"),
            rs.getString("summary"),
            rs.getTimestamp("finished_at").toInstant(),
            rs.getString("pack_version")));
  }

  private GradingResult parse(long id, String document) {
    try {
      return reader.readValue(document);
    } catch (JsonProcessingException | RuntimeException e) {
      LOG.error("The stored result of submission {} cannot be read: {}", id, e.getMessage());
      throw new UnreadableResultException(id, e);
    }
  }

  private static Verdict verdict(long id, String label) {
    try {
      return Verdict.ofLabel(label);
    } catch (IllegalArgumentException e) {
      LOG.error("The stored result of submission {} has an unknown verdict '{}'", id, label);
      throw new UnreadableResultException(id, e);
    }
  }

  // Narrow reads for the gradebook and the deadline autograder (issue 17: each table has one
  // owner, so they ask here instead of querying these tables themselves).

  /** Per student and exercise, their stored submissions' best score and the newest one's id. */
  List<SubmissionTally> tallies() {
    return jdbc.sql(
            "select s.account_id, s.exercise_id, max(r.score), max(s.id) from submission s left"
                + " join grading_result r on r.submission_id = s.id where s.kind = 'submission'"
                + " group by s.account_id, s.exercise_id")
        .query(
            (rs, n) ->
                new SubmissionTally(
                    rs.getLong(1), rs.getString(2), rs.getObject(3, Double.class), rs.getLong(4)))
        .list();
  }

  /** The accounts that stored a submission (kind 'submission') of the exercise. */
  Set<Long> submitters(String exerciseId) {
    return new HashSet<>(
        jdbc.sql(
                "select distinct account_id from submission where exercise_id = ? and kind ="
                    + " 'submission'")
            .param(exerciseId)
            .query(Long.class)
            .list());
  }

  /** The status and result score of each of these gradings that exists. */
  Map<Long, GradingOutcome> outcomes(Collection<Long> ids) {
    Map<Long, GradingOutcome> out = new HashMap<>();
    if (ids.isEmpty()) {
      return out;
    }
    jdbc.sql(
            "select s.id, s.account_id, s.status, r.score, r.max_score from submission s left"
                + " join grading_result r on r.submission_id = s.id where s.id in (:ids)")
        .param("ids", Set.copyOf(ids))
        .query(
            (ResultSet rs) -> {
              out.put(
                  rs.getLong(1),
                  new GradingOutcome(
                      rs.getLong(1),
                      rs.getLong(2),
                      SubmissionStatus.valueOf(rs.getString(3)),
                      rs.getObject(4, Double.class),
                      rs.getObject(5, Double.class)));
            });
    return out;
  }

  /** A metric of a submission that counts: a finite number (NaN and infinities are left out). */
  private static String metric(String alias, String name) {
    return " left join pruning_metric "
        + alias
        + " on "
        + alias
        + ".submission_id = s.id and "
        + alias
        + ".name = '"
        + name
        + "' and "
        + alias
        + ".number_value between -1e308 and 1e308";
  }

  /**
   * Per account its best submission of the exercise (highest score, then the latest) among those
   * that recorded sparsity and accuracy, with accuracy after fine-tuning where recorded, else after
   * pruning; best accuracy first, then sparsity.
   */
  List<BestPruningResult> bestPruningResults(String exerciseId) {
    return jdbc.sql(
            "select b.account_id, b.accuracy, b.sparsity, b.macs from (select s.account_id,"
                + " coalesce(ft.number_value, pr.number_value) as accuracy, sp.number_value as"
                + " sparsity, mc.number_value as macs, row_number() over (partition by"
                + " s.account_id order by r.score desc, s.id desc) as n from submission s join"
                + " grading_result r on r.submission_id = s.id"
                + metric("sp", ResultNames.SPARSITY)
                + metric("ft", ResultNames.ACCURACY_FINETUNED)
                + metric("pr", ResultNames.ACCURACY_PRUNED)
                + metric("mc", ResultNames.MACS)
                + " where s.exercise_id = ? and s.kind = 'submission' and sp.number_value is not"
                + " null and coalesce(ft.number_value, pr.number_value) is not null) b where b.n ="
                + " 1 order by b.accuracy desc, b.sparsity desc")
        .param(exerciseId)
        .query(
            (rs, n) ->
                new BestPruningResult(
                    rs.getLong(1), rs.getDouble(2), rs.getDouble(3), rs.getObject(4, Double.class)))
        .list();
  }

  // Reads for the grading backend's page, its metrics and its progress relay (issue 17: each
  // table has one owner, so the backend asks here instead of querying these tables itself).

  private static final String JOBS =
      "select s.id, s.account_id, s.exercise_id, s.kind, s.status, s.attempts, s.worker,"
          + " s.device, r.verdict,"
          + " (select min(p.at) from grading_phase p where p.submission_id = s.id and p.phase ="
          + " 'queued') queued_at,"
          + " (select min(p.at) from grading_phase p where p.submission_id = s.id and p.phase in"
          + " ('compiling', 'checking', 'running')) started_at,"
          + " (select min(p.at) from grading_phase p where p.submission_id = s.id and p.phase ="
          + " 'done') finished_at"
          + " from submission s left join grading_result r on r.submission_id = s.id";

  /** The jobs waiting now, per kind (kinds with none left out). */
  Map<SubmissionKind, Integer> queuedByKind() {
    Map<SubmissionKind, Integer> out = new LinkedHashMap<>();
    jdbc.sql("select kind, count(*) from submission where status = 'QUEUED' group by kind")
        .query(
            (ResultSet rs) -> {
              out.merge(SubmissionKind.ofLabel(rs.getString(1)), rs.getInt(2), Integer::sum);
            });
    return out;
  }

  /** The jobs running now, per worker that holds them. */
  Map<String, Integer> runningByWorker() {
    Map<String, Integer> out = new LinkedHashMap<>();
    jdbc.sql(
            "select worker, count(*) from submission where status = 'RUNNING' and worker is not"
                + " null group by worker")
        .query(
            (ResultSet rs) -> {
              out.put(rs.getString(1), rs.getInt(2));
            });
    return out;
  }

  /** The latest {@code limit} jobs with their phase times, newest first, in one query. */
  List<JobTimes> recentJobs(int limit) {
    return jdbc.sql(JOBS + " order by s.id desc fetch first " + limit + " rows only")
        .query(SubmissionRepository::toJob)
        .list();
  }

  /**
   * The latest {@code limit} jobs that ended as {@code grader error} or are on their second or
   * later attempt and not done, newest first, in one query.
   */
  List<JobTimes> troubledJobs(int limit) {
    return jdbc.sql(
            JOBS
                + " where r.verdict = 'grader error' or (s.attempts > 1 and s.status <> 'DONE')"
                + " order by s.id desc fetch first "
                + limit
                + " rows only")
        .query(SubmissionRepository::toJob)
        .list();
  }

  private static JobTimes toJob(ResultSet rs, int row) throws SQLException {
    return new JobTimes(
        rs.getLong("id"),
        rs.getLong("account_id"),
        rs.getString("exercise_id"),
        SubmissionKind.ofLabel(rs.getString("kind")),
        SubmissionStatus.valueOf(rs.getString("status")),
        rs.getInt("attempts"),
        rs.getString("worker"),
        rs.getString("device"),
        rs.getString("verdict"),
        instant(rs, "queued_at"),
        instant(rs, "started_at"),
        instant(rs, "finished_at"));
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    Timestamp t = rs.getTimestamp(column);
    return t == null ? null : t.toInstant();
  }

  /** The phases after {@code queued} stored later than {@code after}, oldest first. */
  List<PhaseReached> phasesAfter(Instant after) {
    return jdbc.sql(
            "select p.submission_id, s.account_id, s.exercise_id, s.worker, p.phase, p.at"
                + " from grading_phase p join submission s on s.id = p.submission_id"
                + " where p.at > ? and p.phase <> 'queued' order by p.at")
        .param(Timestamp.from(after))
        .query(
            (rs, n) ->
                new PhaseReached(
                    rs.getLong(1),
                    rs.getLong(2),
                    rs.getString(3),
                    rs.getString(4),
                    Phase.valueOf(rs.getString(5).toUpperCase(Locale.ROOT)),
                    rs.getTimestamp(6).toInstant()))
        .list();
  }

  static String truncate(String s, int max) {
    return s.length() <= max ? s : s.substring(0, max - 1) + "…";
  }
}
