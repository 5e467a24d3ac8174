package org.pruninglab.gradebook;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Reads and writes {@code grade_of_record} and {@code grade_audit}. People and gradings are ids
 * here: {@link GradebookService} asks their owners for names, states and scores.
 */
@Repository
class GradeRepository {

  /** A grade of record as stored, before its grading's state and score are known. */
  record StoredGrade(
      long accountId,
      String exerciseId,
      Long finalId,
      Long gradedId,
      Duration late,
      double penaltyFactor,
      Double overrideScore,
      String overrideComment,
      Instant createdAt) {}

  /** An audit entry as stored: the actor as an account id (null: the autograder). */
  record StoredAudit(
      Instant at,
      Long actorId,
      String action,
      Double oldScore,
      Double newScore,
      String reason,
      Long gradingId) {}

  private static final String SELECT =
      "select account_id, exercise_id, final_id, graded_id, late_seconds, penalty_factor,"
          + " override_score, override_comment, created_at from grade_of_record";

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
    if (find(accountId, exerciseId).isPresent()) {
      return false;
    }
    // Another node inserting at the same moment makes this one fail on the primary key.
    jdbc.sql(
            "insert into grade_of_record (account_id, exercise_id, final_id, late_seconds,"
                + " penalty_factor, created_at) values (?, ?, ?, ?, ?, ?)")
        .params(accountId, exerciseId, finalId, late.toSeconds(), factor, Timestamp.from(now))
        .update();
    return true;
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

  Optional<StoredGrade> find(long accountId, String exerciseId) {
    return jdbc.sql(SELECT + " where account_id = ? and exercise_id = ?")
        .params(accountId, exerciseId)
        .query(GradeRepository::toGrade)
        .optional();
  }

  List<StoredGrade> all() {
    return jdbc.sql(SELECT).query(GradeRepository::toGrade).list();
  }

  List<StoredGrade> ofExercise(String exerciseId) {
    return jdbc.sql(SELECT + " where exercise_id = ?")
        .param(exerciseId)
        .query(GradeRepository::toGrade)
        .list();
  }

  /** Which students have a grade of record in any exercise. */
  Set<Long> studentsWithGrades() {
    return new HashSet<>(
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

  List<StoredAudit> auditOf(long accountId, String exerciseId) {
    return jdbc.sql(
            "select at, actor_id, action, old_score, new_score, reason, grading_id from"
                + " grade_audit where account_id = ? and exercise_id = ? order by at, id")
        .params(accountId, exerciseId)
        .query(
            (rs, n) ->
                new StoredAudit(
                    rs.getTimestamp(1).toInstant(),
                    (Long) rs.getObject(2, Long.class),
                    rs.getString(3),
                    (Double) rs.getObject(4, Double.class),
                    (Double) rs.getObject(5, Double.class),
                    rs.getString(6),
                    (Long) rs.getObject(7, Long.class)))
        .list();
  }

  private static StoredGrade toGrade(ResultSet rs, int row) throws SQLException {
    return new StoredGrade(
        rs.getLong("account_id"),
        rs.getString("exercise_id"),
        rs.getObject("final_id", Long.class),
        rs.getObject("graded_id", Long.class),
        Duration.ofSeconds(rs.getLong("late_seconds")),
        rs.getDouble("penalty_factor"),
        rs.getObject("override_score", Double.class),
        rs.getString("override_comment"),
        rs.getTimestamp("created_at").toInstant());
  }
}
