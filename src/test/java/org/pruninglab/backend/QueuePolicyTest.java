package org.pruninglab.backend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.pruninglab.submission.SubmissionKind;

/**
 * The queue order that {@link QueuePolicy} gives, sorted the way the job library sorts its table
 * (priority descending, then queued time ascending).
 */
class QueuePolicyTest {

  /** One queued job as the job library sees it. */
  private record Job(String name, String student, SubmissionKind kind, int seq, int priority) {}

  /** Queues jobs in the given order, counting each student's waiting jobs per band. */
  private static final class Queue {
    private final List<Job> jobs = new ArrayList<>();
    private final Map<String, Integer> waiting = new HashMap<>();

    Queue add(String name, String student, SubmissionKind kind) {
      String key = student + "/" + kind.priority();
      int before = waiting.merge(key, 1, Integer::sum) - 1;
      jobs.add(new Job(name, student, kind, jobs.size(), QueuePolicy.priority(kind, before)));
      return this;
    }

    List<String> order() {
      return jobs.stream()
          .sorted(Comparator.comparingInt(Job::priority).reversed().thenComparingInt(Job::seq))
          .map(Job::name)
          .toList();
    }
  }

  @Test
  void runs_go_before_submissions_which_go_before_batch_gradings() {
    Queue q =
        new Queue()
            .add("autograde-a", "a", SubmissionKind.AUTOGRADE)
            .add("regrade-b", "b", SubmissionKind.REGRADE)
            .add("submission-c", "c", SubmissionKind.SUBMISSION)
            .add("run-d", "d", SubmissionKind.RUN);

    assertThat(q.order()).containsExactly("run-d", "submission-c", "autograde-a", "regrade-b");
  }

  @Test
  void one_students_burst_does_not_starve_the_others_round_robin() {
    Queue q = new Queue();
    for (int i = 1; i <= 4; i++) {
      q.add("ann-" + i, "ann", SubmissionKind.SUBMISSION);
    }
    q.add("bo-1", "bo", SubmissionKind.SUBMISSION).add("bo-2", "bo", SubmissionKind.SUBMISSION);
    q.add("cy-1", "cy", SubmissionKind.SUBMISSION);

    assertThat(q.order())
        .containsExactly("ann-1", "bo-1", "cy-1", "ann-2", "bo-2", "ann-3", "ann-4");
  }

  @Test
  void a_batch_of_many_exercises_interleaves_students_and_never_overtakes_a_submission() {
    Queue q = new Queue();
    for (String student : List.of("s1", "s2", "s3")) {
      for (String ex : List.of("kthvalue", "mask", "filter")) {
        q.add(student + "-" + ex, student, SubmissionKind.AUTOGRADE);
      }
    }
    q.add("late-submission", "s4", SubmissionKind.SUBMISSION);

    assertThat(q.order())
        .containsExactly(
            "late-submission",
            "s1-kthvalue",
            "s2-kthvalue",
            "s3-kthvalue",
            "s1-mask",
            "s2-mask",
            "s3-mask",
            "s1-filter",
            "s2-filter",
            "s3-filter");
  }

  @Test
  void a_students_waiting_jobs_do_not_lower_them_below_the_next_band() {
    int deepestRun = QueuePolicy.priority(SubmissionKind.RUN, 1_000_000);
    int firstSubmission = QueuePolicy.priority(SubmissionKind.SUBMISSION, 0);

    assertThat(deepestRun).isGreaterThan(firstSubmission);
    assertThat(QueuePolicy.band(deepestRun)).isEqualTo(3);
    assertThat(QueuePolicy.band(firstSubmission)).isEqualTo(2);
    assertThat(QueuePolicy.band(QueuePolicy.priority(SubmissionKind.REGRADE, 7))).isEqualTo(1);
    assertThat(QueuePolicy.bandName(1)).isEqualTo("batch");
    // The job library stores priorities as a smallint.
    assertThat(QueuePolicy.priority(SubmissionKind.RUN, 0)).isLessThanOrEqualTo(Short.MAX_VALUE);
    assertThatThrownBy(() -> QueuePolicy.priority(SubmissionKind.RUN, -1))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
