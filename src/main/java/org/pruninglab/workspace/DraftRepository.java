package org.pruninglab.workspace;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reads and writes {@code draft} and {@code draft_history}. */
@Repository
class DraftRepository {

  private final JdbcClient jdbc;

  DraftRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  Optional<Draft> find(long accountId, String exerciseId) {
    return jdbc.sql(
            "select exercise_id, source, version, updated_at from draft"
                + " where account_id = ? and exercise_id = ?")
        .params(accountId, exerciseId)
        .query(
            (rs, n) ->
                new Draft(
                    rs.getString(1),
                    rs.getString(2),
                    rs.getLong(3),
                    rs.getTimestamp(4).toInstant()))
        .optional();
  }

  /** Inserts version 1; false if a draft already exists (someone saved first). */
  boolean insertFirst(long accountId, String exerciseId, String source, Instant now) {
    if (find(accountId, exerciseId).isPresent()) {
      return false;
    }
    return jdbc.sql(
                "insert into draft (account_id, exercise_id, source, version, updated_at)"
                    + " values (?, ?, ?, 1, ?)")
            .params(accountId, exerciseId, source, Timestamp.from(now))
            .update()
        == 1;
  }

  /** Replaces version {@code expected} with {@code expected + 1}; false if it moved on. */
  boolean replace(long accountId, String exerciseId, long expected, String source, Instant now) {
    return jdbc.sql(
                "update draft set source = ?, version = version + 1, updated_at = ?"
                    + " where account_id = ? and exercise_id = ? and version = ?")
            .params(source, Timestamp.from(now), accountId, exerciseId, expected)
            .update()
        == 1;
  }

  void keep(long accountId, Draft draft, String reason, Instant now) {
    jdbc.sql(
            "insert into draft_history (account_id, exercise_id, source, version, reason,"
                + " saved_at) values (?, ?, ?, ?, ?, ?)")
        .params(
            accountId,
            draft.exerciseId(),
            draft.source(),
            draft.version(),
            reason,
            Timestamp.from(now))
        .update();
  }

  List<DraftHistoryEntry> history(long accountId, String exerciseId) {
    return jdbc.sql(
            "select id, source, version, reason, saved_at from draft_history"
                + " where account_id = ? and exercise_id = ? order by saved_at desc, id desc")
        .params(accountId, exerciseId)
        .query(
            (rs, n) ->
                new DraftHistoryEntry(
                    rs.getLong(1),
                    rs.getString(2),
                    rs.getLong(3),
                    rs.getString(4),
                    rs.getTimestamp(5).toInstant()))
        .list();
  }
}
