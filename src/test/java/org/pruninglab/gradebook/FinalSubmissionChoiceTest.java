package org.pruninglab.gradebook;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.pruninglab.deadline.AfterLate;
import org.pruninglab.deadline.EffectiveDeadline;
import org.pruninglab.deadline.ExerciseSchedule;
import org.pruninglab.deadline.FinalChoice;
import org.pruninglab.deadline.LatePolicy;
import org.pruninglab.deadline.Penalty;
import org.pruninglab.submission.StoredResult;
import org.pruninglab.submission.Submission;
import org.pruninglab.submission.SubmissionKind;
import org.pruninglab.submission.SubmissionStatus;
import org.pruninglab.submission.TestResults;

/** Which counted submission the autograder grades: the last, or the best after the penalty. */
class FinalSubmissionChoiceTest {

  private static final Instant DUE = Instant.parse("2026-05-01T12:00:00Z");
  private static final EffectiveDeadline DEADLINE =
      new EffectiveDeadline(DUE, false, Duration.ofDays(3));
  private static final LatePolicy HALF_PER_DAY =
      new LatePolicy(Duration.ofDays(3), Penalty.PER_DAY, 50, AfterLate.PRACTICE);

  private static Submission submission(long id, Instant at, Double score) {
    StoredResult result =
        score == null ? null : TestResults.stored("kthvalue", score, 24, at, Map.of());
    return new Submission(
        id,
        7,
        "kthvalue",
        "K.java",
        true,
        SubmissionKind.SUBMISSION,
        score == null ? SubmissionStatus.QUEUED : SubmissionStatus.DONE,
        at,
        result,
        null);
  }

  private static ExerciseSchedule schedule(FinalChoice choice) {
    return new ExerciseSchedule(
        "kthvalue", null, DUE, HALF_PER_DAY, choice, null, null, false, true);
  }

  private final Submission early = submission(1, DUE.minusSeconds(7200), 18.0);
  private final Submission onTime = submission(2, DUE.minusSeconds(60), 12.0);
  private final Submission late = submission(3, DUE.plusSeconds(3600), 24.0); // × 0.5 = 12

  @Test
  void the_last_counted_submission_by_default() {
    assertThat(
            DeadlineAutograder.choose(
                List.of(early, onTime, late), schedule(FinalChoice.LAST), DEADLINE))
        .isSameAs(late);
  }

  @Test
  void the_best_after_the_late_penalty_the_later_among_equals() {
    assertThat(
            DeadlineAutograder.choose(
                List.of(early, onTime, late), schedule(FinalChoice.BEST), DEADLINE))
        .as("18 on time beats 24 × 0.5 late")
        .isSameAs(early);
    Submission tie = submission(4, DUE.minusSeconds(30), 18.0);
    assertThat(
            DeadlineAutograder.choose(
                List.of(early, tie, late), schedule(FinalChoice.BEST), DEADLINE))
        .isSameAs(tie);
  }

  @Test
  void best_falls_back_to_the_last_when_nothing_is_graded_yet_and_none_means_none() {
    Submission ungraded = submission(5, DUE.minusSeconds(10), null);
    assertThat(DeadlineAutograder.choose(List.of(ungraded), schedule(FinalChoice.BEST), DEADLINE))
        .isSameAs(ungraded);
    assertThat(DeadlineAutograder.choose(List.of(), schedule(FinalChoice.LAST), DEADLINE)).isNull();
  }
}
