package org.pruninglab.backend;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.pruninglab.backend.BackendSnapshot.JobTiming;
import org.pruninglab.backend.BackendSnapshot.WorkerState;
import org.pruninglab.submission.SubmissionKind;
import org.pruninglab.submission.SubmissionStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * What the grading backend is doing, read from the shared database so that any node shows every
 * worker: queue lengths per band, workers and their jobs and GPU slots, phase times.
 */
@Service
public class GradingBackend {

  /** A worker silent for this long is shown as gone. */
  static final Duration SILENT = WorkerRegistry.REPORT_INTERVAL.multipliedBy(3);

  private static final int RECENT = 200;

  private static final String JOBS =
      "select s.id, a.username, s.exercise_id, s.kind, s.status, s.attempts, s.worker,"
          + " s.device, r.verdict,"
          + " (select min(p.at) from grading_phase p where p.submission_id = s.id and p.phase ="
          + " 'queued') queued_at,"
          + " (select min(p.at) from grading_phase p where p.submission_id = s.id and p.phase in"
          + " ('compiling', 'checking', 'running')) started_at,"
          + " (select min(p.at) from grading_phase p where p.submission_id = s.id and p.phase ="
          + " 'done') finished_at"
          + " from submission s join account a on a.id = s.account_id"
          + " left join grading_result r on r.submission_id = s.id";

  private final JdbcClient jdbc;
  private final Clock clock;

  GradingBackend(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /** The backend now, for staff. */
  @PreAuthorize("hasAnyRole('INSTRUCTOR', 'TA')")
  public BackendSnapshot snapshot() {
    return read();
  }

  /** The same without a signed-in user: for the metrics, which carry no student data. */
  BackendSnapshot read() {
    Instant now = clock.instant();
    Map<String, Integer> queued = new LinkedHashMap<>();
    for (String band : QueuePolicy.BANDS) {
      queued.put(band, 0);
    }
    jdbc.sql("select kind, count(*) from submission where status = 'QUEUED' group by kind")
        .query(
            (ResultSet rs) -> {
              SubmissionKind kind = SubmissionKind.ofLabel(rs.getString(1));
              queued.merge(QueuePolicy.bandName(kind.priority()), rs.getInt(2), Integer::sum);
            });
    Map<String, Integer> runningBy = new LinkedHashMap<>();
    jdbc.sql(
            "select worker, count(*) from submission where status = 'RUNNING' and worker is not"
                + " null group by worker")
        .query(
            (ResultSet rs) -> {
              runningBy.put(rs.getString(1), rs.getInt(2));
            });
    List<WorkerState> workers =
        jdbc.sql(
                "select id, host, role, threads, devices, gpu_in_use, gpu_slots, graded,"
                    + " started_at, last_seen, stopped_at from grading_worker"
                    + " order by started_at desc, id")
            .query(
                (rs, n) -> {
                  Instant lastSeen = instant(rs, "last_seen");
                  Instant stopped = instant(rs, "stopped_at");
                  boolean alive = stopped == null && lastSeen.plus(SILENT).isAfter(now);
                  return new WorkerState(
                      rs.getString("id"),
                      rs.getString("host"),
                      rs.getString("role"),
                      rs.getInt("threads"),
                      rs.getString("devices"),
                      runningBy.getOrDefault(rs.getString("id"), 0),
                      alive ? rs.getInt("gpu_in_use") : 0,
                      rs.getInt("gpu_slots"),
                      rs.getLong("graded"),
                      instant(rs, "started_at"),
                      lastSeen,
                      stopped,
                      alive);
                })
            .list();
    List<JobTiming> recent =
        jdbc.sql(JOBS + " order by s.id desc fetch first " + RECENT + " rows only")
            .query(GradingBackend::toJob)
            .list();
    List<JobTiming> problems =
        jdbc.sql(
                JOBS
                    + " where r.verdict = 'grader error' or (s.attempts > 1 and s.status <> 'DONE')"
                    + " order by s.id desc fetch first 50 rows only")
            .query(GradingBackend::toJob)
            .list();
    List<Duration> waits = new ArrayList<>();
    List<Duration> runs = new ArrayList<>();
    for (JobTiming j : recent) {
      if (j.ran() != null) {
        waits.add(j.waited(now));
        runs.add(j.ran());
      }
    }
    return new BackendSnapshot(
        now,
        queued,
        workers,
        recent.subList(0, Math.min(50, recent.size())),
        problems,
        percentile(waits, 50),
        percentile(waits, 95),
        percentile(runs, 50),
        percentile(runs, 95));
  }

  /** The nearest-rank percentile, or zero for no values. */
  static Duration percentile(List<Duration> values, int p) {
    if (values.isEmpty()) {
      return Duration.ZERO;
    }
    List<Duration> sorted = values.stream().sorted().toList();
    int rank = (int) Math.ceil(p / 100.0 * sorted.size());
    return sorted.get(Math.max(0, rank - 1));
  }

  private static JobTiming toJob(ResultSet rs, int row) throws SQLException {
    return new JobTiming(
        rs.getLong("id"),
        rs.getString("username"),
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
}
