package org.pruninglab.gradebook;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reads and writes {@code grade_of_record} and {@code grade_audit}. */
@Repository
class GradeRepository {

  private static final String SELECT =
      "select g.account_id, a.username, g.exercise_id, g.final_id, g.graded_id, g.late_seconds,"
          + " g.penalty_factor, s.status, r.score, r.max_score, g.override_score,"
          + " g.override_comment, g.created_at"
          + " from grade_of_record g join account a on a.id = g.account_id"
          + " left join submission s on s.id = g.graded_id"
          + " left join grading_result r on r.submission_id = g.graded_id";

  private final JdbcClient jdbc;

  GradeRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * Makes a student's grade of record; false when one exists (made by another node or an earlier
   * sweep), which is what keeps it to exactly one per student and exercise.
   */
  boolean insert(
      long accountId, String exerciseId, Long finalId, Duration late, double factor, Instant now) {
    int inserted =
        jdbc.sql(
                "insert into grade_of_record (account_id, exercise_id, final_id, late_seconds,"
                    + " penalty_factor, created_at) select ?, ?, ?, ?, ?, ? from account where id"
                    + " = ? and not exists (select 1 from grade_of_record where account_id = ? and"
                    + " exercise_id = ?)")
            .params(
                accountId,
                exerciseId,
                finalId,
                late.toSeconds(),
                factor,
                Timestamp.from(now),
                accountId,
                accountId,
                exerciseId)
            .update();
    return inserted == 1;
  }

  void setGraded(long accountId, String exerciseId, long gradingId) {
    jdbc.sql("update grade_of_record set graded_id = ? where account_id = ? and exercise_id = ?")
        .params(gradingId, accountId, exerciseId)
        .update();
  }

  void setOverride(long accountId, String exerciseId, Double score, String comment) {
    jdbc.sql(
            "update grade_of_record set override_score = ?, override_comment = ? where account_id"
                + " = ? and exercise_id = ?")
        .params(score, comment, accountId, exerciseId)
        .update();
  }

  Optional<GradeOfRecord> find(long accountId, String exerciseId) {
    return jdbc.sql(SELECT + " where g.account_id = ? and g.exercise_id = ?")
        .params(accountId, exerciseId)
        .query(GradeRepository::toGrade)
        .optional();
  }

  List<GradeOfRecord> all() {
    return jdbc.sql(SELECT + " order by a.username, g.exercise_id")
        .query(GradeRepository::toGrade)
        .list();
  }

  List<GradeOfRecord> ofExercise(String exerciseId) {
    return jdbc.sql(SELECT + " where g.exercise_id = ? order by a.username")
        .param(exerciseId)
        .query(GradeRepository::toGrade)
        .list();
  }

  /** Which students have a grade of record in any exercise. */
  java.util.Set<Long> studentsWithGrades() {
    return new java.util.HashSet<>(
        jdbc.sql("select distinct account_id from grade_of_record").query(Long.class).list());
  }

  /** Which students have a grade of record for the exercise. */
  List<Long> gradedStudents(String exerciseId) {
    return jdbc.sql("select account_id from grade_of_record where exercise_id = ?")
        .param(exerciseId)
        .query(Long.class)
        .list();
  }

  void audit(
      long accountId,
      String exerciseId,
      Long actorId,
      Instant at,
      String action,
      Double oldScore,
      Double newScore,
      String reason,
      Long gradingId) {
    jdbc.sql(
            "insert into grade_audit (account_id, exercise_id, actor_id, at, action, old_score,"
                + " new_score, reason, grading_id) values (?, ?, ?, ?, ?, ?, ?, ?, ?)")
        .params(
            accountId,
            exerciseId,
            actorId,
            Timestamp.from(at),
            action,
            oldScore,
            newScore,
            reason,
            gradingId)
        .update();
  }

  /** Fills in the score an autograde or regrade arrived at, with the grade's late penalty. */
  void auditGraded(long gradingId, double rawScore) {
    jdbc.sql(
            "update grade_audit set new_score = ? * (select g.penalty_factor from grade_of_record"
                + " g where g.account_id = grade_audit.account_id and g.exercise_id ="
                + " grade_audit.exercise_id) where grading_id = ? and new_score is null")
        .params(rawScore, gradingId)
        .update();
  }

  List<AuditEntry> auditOf(long accountId, String exerciseId) {
    return jdbc.sql(
            "select l.at, coalesce(a.username, 'autograder'), l.action, l.old_score, l.new_score,"
                + " l.reason, l.grading_id from grade_audit l left join account a on a.id ="
                + " l.actor_id where l.account_id = ? and l.exercise_id = ? order by l.at, l.id")
        .params(accountId, exerciseId)
        .query(
            (rs, n) ->
                new AuditEntry(
                    rs.getTimestamp(1).toInstant(),
                    rs.getString(2),
                    rs.getString(3),
                    (Double) rs.getObject(4, Double.class),
                    (Double) rs.getObject(5, Double.class),
                    rs.getString(6),
                    (Long) rs.getObject(7, Long.class)))
        .list();
  }

  private static GradeOfRecord toGrade(ResultSet rs, int row) throws SQLException {
    Long finalId = rs.getObject("final_id", Long.class);
    String status = rs.getString("status");
    Double raw = rs.getObject("score", Double.class);
    GradeState state =
        finalId == null
            ? GradeState.NO_SUBMISSION
            : raw != null && "DONE".equals(status) ? GradeState.GRADED : GradeState.GRADING;
    Double max = rs.getObject("max_score", Double.class);
    return new GradeOfRecord(
        rs.getLong("account_id"),
        rs.getString("username"),
        rs.getString("exercise_id"),
        finalId,
        rs.getObject("graded_id", Long.class),
        Duration.ofSeconds(rs.getLong("late_seconds")),
        rs.getDouble("penalty_factor"),
        state,
        raw,
        max == null ? 0 : max,
        rs.getObject("override_score", Double.class),
        rs.getString("override_comment"),
        rs.getTimestamp("created_at").toInstant());
  }
}
