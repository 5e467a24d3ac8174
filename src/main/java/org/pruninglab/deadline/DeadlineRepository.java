package org.pruninglab.deadline;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Reads and writes {@code exercise_schedule}, {@code extension} and {@code grade_release_event}.
 * People are account ids here; {@link Deadlines} asks the account feature for their names.
 */
@Repository
class DeadlineRepository {

  /** An extension as stored: who has it and who granted it, as account ids. */
  record StoredExtension(
      long accountId,
      String exerciseId,
      Instant due,
      Duration latePeriod,
      long grantedBy,
      Instant grantedAt) {}

  /** A release or withdrawal as stored: the actor as an account id. */
  record StoredReleaseEvent(String exerciseId, boolean released, long actorId, Instant at) {}

  private static final String EXTENSIONS =
      "select account_id, exercise_id, due_at, late_seconds, granted_by, granted_at from extension";

  private final JdbcClient jdbc;

  DeadlineRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** The schedule the instructor set; empty when the pack's deadline applies. */
  Optional<ExerciseSchedule> schedule(String exerciseId) {
    return jdbc.sql("select * from exercise_schedule where exercise_id = ?")
        .param(exerciseId)
        .query(DeadlineRepository::toSchedule)
        .optional();
  }

  void writeSchedule(
      String exerciseId,
      Instant release,
      Instant due,
      LatePolicy late,
      FinalChoice finalChoice,
      Instant gradesReleaseAt,
      Instant gradesReleasedAt,
      boolean leaderboard,
      long by,
      Instant now) {
    jdbc.sql("delete from exercise_schedule where exercise_id = ?").param(exerciseId).update();
    jdbc.sql(
            "insert into exercise_schedule (exercise_id, release_at, due_at, late_seconds,"
                + " penalty_kind, penalty_value, after_late, final_choice, grades_release_at,"
                + " grades_released_at, leaderboard, updated_by, updated_at)"
                + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
        .params(
            exerciseId,
            ts(release),
            ts(due),
            late.latePeriod().toSeconds(),
            late.penalty().label(),
            late.percent(),
            late.afterLate().label(),
            finalChoice.label(),
            ts(gradesReleaseAt),
            ts(gradesReleasedAt),
            leaderboard,
            by,
            Timestamp.from(now))
        .update();
  }

  void insertReleaseEvent(String exerciseId, String action, long actorId, Instant at) {
    jdbc.sql(
            "insert into grade_release_event (exercise_id, action, actor_id, at)"
                + " values (?, ?, ?, ?)")
        .params(exerciseId, action, actorId, Timestamp.from(at))
        .update();
  }

  /** Every release by hand and withdrawal of an exercise's grades, newest first. */
  List<StoredReleaseEvent> releaseEvents(String exerciseId) {
    return jdbc.sql(
            "select exercise_id, action, actor_id, at from grade_release_event"
                + " where exercise_id = ? order by at desc, id desc")
        .param(exerciseId)
        .query(
            (rs, row) ->
                new StoredReleaseEvent(
                    rs.getString(1),
                    rs.getString(2).equals("release"),
                    rs.getLong(3),
                    rs.getTimestamp(4).toInstant()))
        .list();
  }

  /** Replaces the student's extension for the exercise, if any, with this one. */
  void replaceExtension(
      long accountId,
      String exerciseId,
      Instant due,
      Duration latePeriod,
      long grantedBy,
      Instant grantedAt) {
    deleteExtension(accountId, exerciseId);
    jdbc.sql(
            "insert into extension (account_id, exercise_id, due_at, late_seconds, granted_by,"
                + " granted_at) values (?, ?, ?, ?, ?, ?)")
        .params(
            accountId,
            exerciseId,
            Timestamp.from(due),
            latePeriod == null ? null : latePeriod.toSeconds(),
            grantedBy,
            Timestamp.from(grantedAt))
        .update();
  }

  void deleteExtension(long accountId, String exerciseId) {
    jdbc.sql("delete from extension where account_id = ? and exercise_id = ?")
        .params(accountId, exerciseId)
        .update();
  }

  Optional<StoredExtension> extension(long accountId, String exerciseId) {
    return jdbc.sql(EXTENSIONS + " where account_id = ? and exercise_id = ?")
        .params(accountId, exerciseId)
        .query(DeadlineRepository::toExtension)
        .optional();
  }

  List<StoredExtension> extensions(String exerciseId) {
    return jdbc.sql(EXTENSIONS + " where exercise_id = ?")
        .param(exerciseId)
        .query(DeadlineRepository::toExtension)
        .list();
  }

  /** Every extension of every exercise. */
  List<StoredExtension> allExtensions() {
    return jdbc.sql(EXTENSIONS).query(DeadlineRepository::toExtension).list();
  }

  private static ExerciseSchedule toSchedule(ResultSet rs, int row) throws SQLException {
    return new ExerciseSchedule(
        rs.getString("exercise_id"),
        instant(rs.getTimestamp("release_at")),
        instant(rs.getTimestamp("due_at")),
        new LatePolicy(
            Duration.ofSeconds(rs.getLong("late_seconds")),
            Penalty.ofLabel(rs.getString("penalty_kind")),
            rs.getDouble("penalty_value"),
            AfterLate.ofLabel(rs.getString("after_late"))),
        FinalChoice.ofLabel(rs.getString("final_choice")),
        instant(rs.getTimestamp("grades_release_at")),
        instant(rs.getTimestamp("grades_released_at")),
        rs.getBoolean("leaderboard"),
        true);
  }

  private static StoredExtension toExtension(ResultSet rs, int row) throws SQLException {
    long late = rs.getLong(4);
    boolean noLate = rs.wasNull();
    return new StoredExtension(
        rs.getLong(1),
        rs.getString(2),
        rs.getTimestamp(3).toInstant(),
        noLate ? null : Duration.ofSeconds(late),
        rs.getLong(5),
        rs.getTimestamp(6).toInstant());
  }

  private static Instant instant(Timestamp t) {
    return t == null ? null : t.toInstant();
  }

  private static Timestamp ts(Instant t) {
    return t == null ? null : Timestamp.from(t);
  }
}
