package org.pruninglab.gradebook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;
import org.pruninglab.account.Role;
import org.pruninglab.deadline.AfterLate;
import org.pruninglab.deadline.DeadlineException;
import org.pruninglab.deadline.Deadlines;
import org.pruninglab.deadline.FinalChoice;
import org.pruninglab.deadline.GradeReleaseEvent;
import org.pruninglab.deadline.LatePolicy;
import org.pruninglab.deadline.Penalty;
import org.pruninglab.deadline.ScheduleChange;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

/**
 * Grades of record: late penalties, extensions, the final-submission choice, exactly one grade per
 * student, overrides and their release to students (a slice: real database, injected clock).
 */
class GradeRulesTest extends CourseRulesSlice {

  private static final Instant DUE = T0.plus(Duration.ofDays(1));
  private static final LatePolicy TEN_PER_DAY =
      new LatePolicy(Duration.ofDays(2), Penalty.PER_DAY, 10, AfterLate.REFUSE);

  @Autowired Deadlines deadlines;
  @Autowired GradebookService gradebook;
  @Autowired DeadlineAutograder autograder;

  private void schedule(LatePolicy late, FinalChoice choice, boolean leaderboard) {
    signInAs("instructor", Role.INSTRUCTOR);
    deadlines.updateSchedule(
        EXERCISE, new ScheduleChange(null, DUE, late, choice, null, leaderboard));
  }

  /** Runs the autograder and stores each grading it queued with {@code score}. */
  private int autograde(double score) {
    int made = autograder.sweep();
    List<Long> queued =
        jdbc.sql("select id from submission where kind = 'autograde' and status = 'QUEUED'")
            .query(Long.class)
            .list();
    queued.forEach(id -> stored.finish(id, score, clock.instant(), Map.of()));
    return made;
  }

  private GradeOfRecord grade(long student) {
    signInAs("instructor", Role.INSTRUCTOR);
    return gradebook.grade(student, EXERCISE).orElseThrow();
  }

  @Test
  void late_submissions_lose_ten_percent_per_day_started() {
    long late = account("late", Role.STUDENT);
    schedule(TEN_PER_DAY, FinalChoice.LAST, false);
    stored.graded(late, EXERCISE, DUE.minusSeconds(600), 2, Map.of());
    long last = stored.graded(late, EXERCISE, DUE.plus(Duration.ofHours(36)), 2, Map.of());

    clock.set(DUE.plus(Duration.ofDays(2)).plusSeconds(60));
    assertThat(autograde(26)).isEqualTo(1);

    GradeOfRecord g = grade(late);
    assertThat(g.finalId()).as("the last submission counts").isEqualTo(last);
    assertThat(g.late()).isEqualTo(Duration.ofHours(36));
    assertThat(g.penaltyFactor()).as("two days started").isCloseTo(0.8, within(1e-9));
    assertThat(g.state()).isEqualTo(GradeState.GRADED);
    assertThat(g.score()).isCloseTo(26 * 0.8, within(1e-9));
    assertThat(gradebook.audit(late, EXERCISE))
        .singleElement()
        .satisfies(
            a -> {
              assertThat(a.actor()).isEqualTo("autograder");
              assertThat(a.reason()).contains("#" + last, "late by 1 day 12 hours", "× 0.8");
            });
  }

  @Test
  void each_student_gets_exactly_one_grade_of_record_and_no_submission_scores_zero() {
    long ontime = account("ontime", Role.STUDENT);
    long absent = account("absent", Role.STUDENT);
    account("helper", Role.TA);
    schedule(TEN_PER_DAY, FinalChoice.LAST, false);
    stored.graded(ontime, EXERCISE, DUE.minusSeconds(60), 2, Map.of());

    clock.set(DUE.plusSeconds(60));
    assertThat(autograder.sweep()).as("the late period is still open").isZero();
    clock.set(DUE.plus(Duration.ofDays(2)).plusSeconds(60));
    assertThat(autograde(26)).as("the two students, not the TA").isEqualTo(2);
    assertThat(autograde(26)).as("exactly once").isZero();

    assertThat(grade(ontime).score()).isEqualTo(26.0);
    GradeOfRecord none = grade(absent);
    assertThat(none.state()).isEqualTo(GradeState.NO_SUBMISSION);
    assertThat(none.score()).isZero();
    assertThat(gradebook.progress(EXERCISE)).isEqualTo(new AutogradeProgress(2, 2, 2, 0));
  }

  @Test
  void a_student_who_left_is_graded_for_the_work_they_handed_in() {
    long left = account("left", Role.STUDENT);
    long leftEmpty = account("left-empty", Role.STUDENT);
    schedule(LatePolicy.strict(), FinalChoice.LAST, false);
    stored.graded(left, EXERCISE, DUE.minusSeconds(60), 2, Map.of());
    signInAs("instructor", Role.INSTRUCTOR);
    accounts.deactivate(left);
    accounts.deactivate(leftEmpty);

    clock.set(DUE.plusSeconds(60));
    assertThat(autograde(20)).isEqualTo(1);
    assertThat(grade(left).score()).isEqualTo(20.0);
    assertThat(gradebook.gradebook().rows())
        .extracting(Gradebook.Row::username)
        .containsExactly("left");
  }

  @Test
  void an_extension_postpones_the_students_grade_until_it_closes() {
    long extended = account("extended", Role.STUDENT);
    account("dl-ta", Role.TA);
    schedule(TEN_PER_DAY, FinalChoice.LAST, false);
    signInAs("dl-ta", Role.TA);
    assertThatThrownBy(
            () -> deadlines.grantExtension(extended, EXERCISE, DUE.minusSeconds(3600), null))
        .isInstanceOf(DeadlineException.class)
        .hasMessageContaining("cannot end before the exercise's deadline");
    assertThat(deadlines.extensions(EXERCISE)).isEmpty();
    deadlines.grantExtension(extended, EXERCISE, DUE.plus(Duration.ofDays(3)), null);
    assertThat(deadlines.extensions(EXERCISE))
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.username()).isEqualTo("extended");
              assertThat(e.grantedBy()).isEqualTo("dl-ta");
            });
    // On time for them, though after everyone else's late period.
    long last = stored.graded(extended, EXERCISE, DUE.plus(Duration.ofDays(2)), 2, Map.of());

    clock.set(DUE.plus(Duration.ofDays(2)).plusSeconds(60));
    assertThat(autograde(26)).isZero();
    clock.set(DUE.plus(Duration.ofDays(5)).plusSeconds(60));
    assertThat(autograde(26)).as("3 days + the 2-day late period").isEqualTo(1);
    GradeOfRecord g = grade(extended);
    assertThat(g.finalId()).isEqualTo(last);
    assertThat(g.late()).isZero();
    assertThat(g.score()).isEqualTo(26.0);
    assertThat(gradebook.gradebook().rows().get(0).cells().get(0).extended()).isTrue();
  }

  @Test
  void the_best_submission_after_the_penalty_counts_when_the_exercise_says_best() {
    long student = account("chooser", Role.STUDENT);
    LatePolicy halfPerDay =
        new LatePolicy(Duration.ofDays(2), Penalty.PER_DAY, 50, AfterLate.PRACTICE);
    schedule(halfPerDay, FinalChoice.BEST, false);
    long onTime = stored.graded(student, EXERCISE, DUE.minusSeconds(600), 18, Map.of());
    stored.graded(student, EXERCISE, DUE.plusSeconds(600), 24, Map.of()); // × 0.5 = 12

    clock.set(DUE.plus(Duration.ofDays(2)).plusSeconds(60));
    autograde(18);
    GradeOfRecord g = grade(student);
    assertThat(g.finalId()).isEqualTo(onTime);
    assertThat(g.penaltyFactor()).isEqualTo(1.0);
    assertThat(gradebook.audit(student, EXERCISE).get(0).reason()).contains("best", "on time");
  }

  @Test
  void an_override_needs_a_comment_and_a_score_in_range_and_can_be_taken_back() {
    long student = account("overridden", Role.STUDENT);
    account("ov-ta", Role.TA);
    schedule(LatePolicy.strict(), FinalChoice.LAST, false);
    stored.graded(student, EXERCISE, DUE.minusSeconds(60), 2, Map.of());
    signInAs("ov-ta", Role.TA);
    assertThatThrownBy(() -> gradebook.override(student, EXERCISE, 20, "before the deadline"))
        .isInstanceOf(GradebookException.class)
        .hasMessageContaining("no grade of record");
    clock.set(DUE.plusSeconds(60));
    autograde(13);

    signInAs("ov-ta", Role.TA);
    assertThatThrownBy(() -> gradebook.override(student, EXERCISE, 27, "bonus"))
        .isInstanceOf(GradebookException.class)
        .hasMessageContaining("between 0 and 26");
    assertThatThrownBy(() -> gradebook.override(student, EXERCISE, -1, "minus"))
        .isInstanceOf(GradebookException.class);
    assertThatThrownBy(() -> gradebook.override(student, EXERCISE, 20, "  "))
        .isInstanceOf(GradebookException.class)
        .hasMessageContaining("comment is required");
    assertThat(gradebook.grade(student, EXERCISE).orElseThrow().overridden()).isFalse();

    GradeOfRecord over = gradebook.override(student, EXERCISE, 22, "Illness note.");
    assertThat(over.score()).isEqualTo(22.0);
    assertThat(over.computedScore()).isEqualTo(13.0);
    GradeOfRecord cleared = gradebook.clearOverride(student, EXERCISE, "Note withdrawn.");
    assertThat(cleared.score()).isEqualTo(13.0);
    assertThat(gradebook.audit(student, EXERCISE))
        .extracting(AuditEntry::actor, AuditEntry::action, AuditEntry::newScore)
        .containsExactly(
            Tuple.tuple("autograder", "autograde", null),
            Tuple.tuple("ov-ta", "override", 22.0),
            Tuple.tuple("ov-ta", "clear-override", 13.0));
  }

  @Test
  void students_see_their_grade_only_while_the_instructor_has_released_it() {
    long student = account("waiting", Role.STUDENT);
    account("rel-ta", Role.TA);
    schedule(LatePolicy.strict(), FinalChoice.LAST, false);
    stored.graded(student, EXERCISE, DUE.minusSeconds(60), 2, Map.of());
    clock.set(DUE.plusSeconds(60));
    autograde(20);
    signInAs("rel-ta", Role.TA);
    gradebook.override(student, EXERCISE, 22, "Illness note: penalty waived in part.");

    signInAs("waiting", Role.STUDENT);
    StudentGrade before = gradebook.myGrade(EXERCISE);
    assertThat(before.released()).isFalse();
    assertThat(before.score()).isNull();
    assertThat(before.describe()).isEqualTo("Grading complete, not yet released.");

    signInAs("rel-ta", Role.TA);
    assertThatThrownBy(() -> deadlines.releaseGrades(EXERCISE))
        .isInstanceOf(AccessDeniedException.class);
    signInAs("instructor", Role.INSTRUCTOR);
    deadlines.releaseGrades(EXERCISE);
    signInAs("waiting", Role.STUDENT);
    StudentGrade after = gradebook.myGrade(EXERCISE);
    assertThat(after.score()).isEqualTo(22.0);
    assertThat(after.comment()).isEqualTo("Illness note: penalty waived in part.");

    signInAs("rel-ta", Role.TA);
    assertThatThrownBy(() -> deadlines.withdrawGradeRelease(EXERCISE))
        .isInstanceOf(AccessDeniedException.class);
    signInAs("instructor", Role.INSTRUCTOR);
    deadlines.withdrawGradeRelease(EXERCISE);
    assertThat(deadlines.schedule(EXERCISE).orElseThrow().gradesReleasedAt()).isNull();
    assertThatThrownBy(() -> deadlines.withdrawGradeRelease(EXERCISE))
        .isInstanceOf(DeadlineException.class)
        .hasMessageContaining("there is no release to withdraw");
    assertThat(deadlines.gradeReleases(EXERCISE))
        .extracting(GradeReleaseEvent::released, GradeReleaseEvent::by)
        .containsExactly(Tuple.tuple(false, "instructor"), Tuple.tuple(true, "instructor"));
    signInAs("waiting", Role.STUDENT);
    assertThat(gradebook.myGrade(EXERCISE).score()).isNull();
  }

  @Test
  void the_leaderboard_is_off_until_switched_on_and_shows_stable_pseudonyms_of_students_only() {
    long ada = account("ada", Role.STUDENT);
    long ben = account("ben", Role.STUDENT);
    long ta = account("lb-ta", Role.TA);
    schedule(LatePolicy.strict(), FinalChoice.LAST, false);
    stored.graded(ada, EXERCISE, T0, 20, Map.of("sparsity", 0.9, "accuracy.pruned", 0.80));
    stored.graded(ada, EXERCISE, T0, 10, Map.of("sparsity", 0.5, "accuracy.pruned", 0.99));
    stored.graded(ben, EXERCISE, T0, 20, Map.of("sparsity", 0.9, "accuracy.finetuned", 0.85));
    stored.graded(ta, EXERCISE, T0, 26, Map.of("sparsity", 0.99, "accuracy.pruned", 0.99));

    signInAs("ada", Role.STUDENT);
    assertThatThrownBy(() -> gradebook.leaderboard(EXERCISE))
        .isInstanceOf(AccessDeniedException.class);
    schedule(LatePolicy.strict(), FinalChoice.LAST, true);
    signInAs("ada", Role.STUDENT);
    List<LeaderboardEntry> board = gradebook.leaderboard(EXERCISE);
    assertThat(board)
        .extracting(LeaderboardEntry::rank, LeaderboardEntry::you, LeaderboardEntry::accuracy)
        .as("each student's highest-scoring result; fine-tuned accuracy first; not the TA's")
        .containsExactly(Tuple.tuple(1, false, 0.85), Tuple.tuple(2, true, 0.80));
    assertThat(board)
        .extracting(LeaderboardEntry::pseudonym)
        .doesNotHaveDuplicates()
        .allMatch(n -> n.matches("[A-Z][a-z]+ [A-Z][a-z]+ \\d\\d"));
    assertThat(gradebook.leaderboard(EXERCISE))
        .extracting(LeaderboardEntry::pseudonym)
        .as("stable")
        .containsExactlyElementsOf(board.stream().map(LeaderboardEntry::pseudonym).toList());
  }
}
