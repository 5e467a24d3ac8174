package org.pruninglab.gradebook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.pruninglab.account.Role;
import org.pruninglab.deadline.Acceptance;
import org.pruninglab.deadline.AfterLate;
import org.pruninglab.deadline.DeadlineException;
import org.pruninglab.deadline.Deadlines;
import org.pruninglab.deadline.FinalChoice;
import org.pruninglab.deadline.LatePolicy;
import org.pruninglab.deadline.Penalty;
import org.pruninglab.deadline.ScheduleChange;
import org.pruninglab.submission.SubmissionException;
import org.pruninglab.submission.SubmissionService;
import org.springframework.beans.factory.annotation.Autowired;

/** Schedules and what they accept (a slice: real database, injected clock). */
class ScheduleRulesTest extends CourseRulesSlice {

  private static final Instant DUE = T0.plus(Duration.ofDays(1));

  @Autowired Deadlines deadlines;
  @Autowired SubmissionService submissions;

  @Test
  void without_a_schedule_the_packs_deadline_applies_with_no_late_period() {
    assertThat(deadlines.schedule(EXERCISE).orElseThrow())
        .satisfies(
            s -> {
              assertThat(s.custom()).isFalse();
              assertThat(s.due()).isEqualTo(PACK_DUE);
              assertThat(s.late().latePeriod()).isZero();
            });
  }

  @Test
  void a_schedule_with_a_negative_penalty_is_refused_and_nothing_changes() {
    LatePolicy negative =
        new LatePolicy(Duration.ofDays(2), Penalty.PER_DAY, -5, AfterLate.PRACTICE);
    assertThatThrownBy(
            () ->
                deadlines.updateSchedule(
                    EXERCISE,
                    new ScheduleChange(null, DUE, negative, FinalChoice.LAST, null, false)))
        .isInstanceOf(DeadlineException.class)
        .hasMessageContaining("cannot be negative");
    assertThat(deadlines.schedule(EXERCISE).orElseThrow().custom()).isFalse();
  }

  @Test
  void
      submissions_are_late_within_the_late_period_and_refused_after_it_when_the_exercise_says_so() {
    long student = account("closing", Role.STUDENT);
    LatePolicy refuse = new LatePolicy(Duration.ofDays(2), Penalty.PER_DAY, 10, AfterLate.REFUSE);
    deadlines.updateSchedule(
        EXERCISE, new ScheduleChange(T0, DUE, refuse, FinalChoice.LAST, null, false));

    clock.set(DUE.minusSeconds(1));
    assertThat(deadlines.acceptance(student, EXERCISE)).isEqualTo(Acceptance.ON_TIME);
    clock.set(DUE.plusSeconds(1));
    assertThat(deadlines.acceptance(student, EXERCISE)).isEqualTo(Acceptance.LATE);
    clock.set(DUE.plus(Duration.ofDays(2)).plusSeconds(60));
    assertThat(deadlines.acceptance(student, EXERCISE)).isEqualTo(Acceptance.REFUSED);
    signInAs("closing", Role.STUDENT);
    assertThatThrownBy(
            () ->
                submissions.submit(
                    EXERCISE, "KthvaluePruning.java", "x".getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(SubmissionException.class)
        .hasMessageContaining("closed on");
  }

  @Test
  void an_extension_is_for_students_only() {
    long ta = account("not-a-student", Role.TA);
    deadlines.updateSchedule(
        EXERCISE,
        new ScheduleChange(null, DUE, LatePolicy.strict(), FinalChoice.LAST, null, false));
    assertThatThrownBy(
            () -> deadlines.grantExtension(ta, EXERCISE, DUE.plus(Duration.ofDays(1)), null))
        .isInstanceOf(DeadlineException.class)
        .hasMessageContaining("no student with account number " + ta);
  }
}
