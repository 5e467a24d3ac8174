package org.pruninglab.workspace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.pruninglab.account.Account;
import org.pruninglab.account.AccountService;
import org.pruninglab.account.Role;
import org.pruninglab.deadline.Deadlines;
import org.pruninglab.deadline.EffectiveDeadline;
import org.pruninglab.exercise.ExerciseCatalog;
import org.pruninglab.gradebook.GradebookService;
import org.pruninglab.submission.Submission;
import org.pruninglab.submission.SubmissionKind;
import org.pruninglab.submission.SubmissionService;
import org.pruninglab.submission.SubmissionStatus;
import org.pruninglab.submission.TestResults;

/**
 * When a job ends, the student's page shows the result the update carried: turning it into what the
 * student may see reads no submission, neither the job again nor the history.
 */
class FinishedJobUpdateTest {

  private static final Instant NOW = Instant.parse("2026-12-02T10:00:00Z");

  private final SubmissionService submissions = mock(SubmissionService.class);
  private final AccountService accounts = mock(AccountService.class);
  private final Deadlines deadlines = mock(Deadlines.class);
  private final WorkspaceService workspace =
      new WorkspaceService(
          mock(ExerciseCatalog.class),
          submissions,
          mock(DraftService.class),
          deadlines,
          accounts,
          Clock.fixed(NOW, ZoneOffset.UTC),
          mock(GradebookService.class));

  FinishedJobUpdateTest() {
    Account ann =
        new Account(7, "ann", "Ann", "ann@example.org", Role.STUDENT, true, true, false, NOW);
    when(accounts.currentAccount()).thenReturn(Optional.of(ann));
    when(deadlines.effective(7, "kthvalue"))
        .thenReturn(Optional.of(new EffectiveDeadline(NOW.plusSeconds(86_400), false)));
    when(deadlines.schedule("kthvalue")).thenReturn(Optional.empty());
  }

  private static Submission graded(long id, long accountId) {
    return new Submission(
        id,
        accountId,
        "kthvalue",
        "KthvaluePruning.java",
        true,
        SubmissionKind.SUBMISSION,
        SubmissionStatus.DONE,
        NOW.minusSeconds(5),
        TestResults.stored("kthvalue", 24, 26, NOW, Map.of()),
        null);
  }

  @Test
  void the_finished_job_is_shown_from_its_update_without_reading_submissions() {
    HistoryItem item = workspace.item(graded(41, 7)).orElseThrow();

    assertThat(item.id()).isEqualTo(41);
    assertThat(item.status()).isEqualTo(SubmissionStatus.DONE);
    assertThat(item.result()).isNotNull();
    assertThat(WorkspaceService.curvesOf(List.of(item))).isEmpty();
    verifyNoInteractions(submissions);
  }

  @Test
  void an_update_about_someone_elses_job_shows_nothing() {
    assertThat(workspace.item(graded(42, 8))).isEmpty();
    verifyNoInteractions(submissions);
  }
}
