package org.pruninglab.backend;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Reads and writes {@code grading_worker}, the backend's own table: one row per grading process,
 * which announces itself, reports what it is doing and marks itself stopped.
 */
@Repository
class WorkerRepository {

  /** One worker's row as stored; whether it is alive is the reader's to decide. */
  record WorkerRow(
      String id,
      String host,
      String role,
      int threads,
      String devices,
      int gpuInUse,
      int gpuSlots,
      long graded,
      Instant startedAt,
      Instant lastSeen,
      Instant stoppedAt) {}

  private final JdbcClient jdbc;

  WorkerRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Replaces the worker's row (a restart under the same id starts afresh): nothing in use yet. */
  void announce(
      String id, String host, String role, int threads, String devices, int gpuSlots, Instant now) {
    jdbc.sql("delete from grading_worker where id = ?").param(id).update();
    jdbc.sql(
            "insert into grading_worker (id, host, role, threads, devices, gpu_slots,"
                + " gpu_in_use, graded, started_at, last_seen) values (?, ?, ?, ?, ?, ?, 0, 0,"
                + " ?, ?)")
        .params(
            id,
            truncate(host, 200),
            role,
            threads,
            truncate(devices, 400),
            gpuSlots,
            Timestamp.from(now),
            Timestamp.from(now))
        .update();
  }

  /** What the worker is doing now; a report also revives a row marked stopped. */
  void report(String id, int gpuInUse, long graded, Instant now) {
    jdbc.sql(
            "update grading_worker set gpu_in_use = ?, graded = ?, last_seen = ?, stopped_at ="
                + " null where id = ?")
        .params(gpuInUse, graded, Timestamp.from(now), id)
        .update();
  }

  void stopped(String id, Instant now) {
    jdbc.sql("update grading_worker set gpu_in_use = 0, stopped_at = ? where id = ?")
        .params(Timestamp.from(now), id)
        .update();
  }

  /** Grading threads of the workers that reported after {@code since} and have not stopped. */
  int liveThreads(Instant since) {
    return jdbc.sql(
            "select coalesce(sum(threads), 0) from grading_worker where stopped_at is null and"
                + " last_seen > ?")
        .param(Timestamp.from(since))
        .query(Integer.class)
        .single();
  }

  /** Every worker that announced itself, newest first. */
  List<WorkerRow> all() {
    return jdbc.sql(
            "select id, host, role, threads, devices, gpu_in_use, gpu_slots, graded,"
                + " started_at, last_seen, stopped_at from grading_worker"
                + " order by started_at desc, id")
        .query(
            (rs, n) ->
                new WorkerRow(
                    rs.getString("id"),
                    rs.getString("host"),
                    rs.getString("role"),
                    rs.getInt("threads"),
                    rs.getString("devices"),
                    rs.getInt("gpu_in_use"),
                    rs.getInt("gpu_slots"),
                    rs.getLong("graded"),
                    instant(rs, "started_at"),
                    instant(rs, "last_seen"),
                    instant(rs, "stopped_at")))
        .list();
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    Timestamp t = rs.getTimestamp(column);
    return t == null ? null : t.toInstant();
  }

  private static String truncate(String s, int max) {
    return s.length() <= max ? s : s.substring(0, max - 1) + "…";
  }
}
