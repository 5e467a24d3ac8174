package org.pruninglab.submission;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.pruninglab.grading.GradingProgress.Phase;
import org.pruninglab.grading.GradingResult;
import org.pruninglab.grading.Verdict;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Stores the results of grading jobs, fenced by attempt: only the job's latest attempt may store (a
 * worker that lost its job to another stores nothing), and a job that no worker took only while it
 * waits. In the transaction that stores a result the phase {@code done} is recorded and the {@link
 * GradingListener}s hear of it; once it commits, the pages hear of it with the stored result
 * itself, so they show it without reading it back.
 */
@Service
public class ResultStore {

  private final SubmissionRepository submissions;
  private final TransactionTemplate tx;
  private final List<GradingListener> listeners;
  private final GradingEvents events;
  private final Clock clock;

  ResultStore(
      SubmissionRepository submissions,
      TransactionTemplate tx,
      List<GradingListener> listeners,
      GradingEvents events,
      Clock clock) {
    this.submissions = submissions;
    this.tx = tx;
    this.listeners = listeners;
    this.events = events;
    this.clock = clock;
  }

  /**
   * Stores what the grader made of a job.
   *
   * @param attempt the attempt's fencing token from {@link GradingJobs#claim}
   * @param device the device the job ran on, or null
   * @param packVersion which version of the exercise's tests graded it
   * @return false when nothing was stored: another attempt took the job over or stored it first
   */
  public boolean store(
      long id, int attempt, String device, GradingResult result, String packVersion) {
    return store(id, attempt, device, result, true, packVersion);
  }

  /**
   * Stores the grading service's own ending of a job no test ran for: superseded, cancelled, given
   * up after its attempts, an exercise that is not available, a failure of the service.
   *
   * @param attempt the attempt's fencing token, or 0 for a job no worker has taken
   */
  public boolean storeEnding(
      Submission job, int attempt, String device, Verdict verdict, String summary, double max) {
    GradingResult ending =
        GradingResult.ending(job.exerciseId(), job.hidden(), verdict, summary, max);
    return store(job.id(), attempt, device, ending, false, null);
  }

  private boolean store(
      long id,
      int attempt,
      String device,
      GradingResult result,
      boolean byGrader,
      String packVersion) {
    Instant now = clock.instant();
    Submission stored =
        tx.execute(
            status -> {
              StoredResult toStore = new StoredResult(result, byGrader, now, packVersion);
              if (!submissions.storeResult(id, attempt, device, toStore)) {
                return null;
              }
              submissions.recordPhase(id, Phase.DONE, now);
              Submission graded = submissions.find(id).orElseThrow();
              listeners.forEach(l -> l.resultStored(graded));
              return graded;
            });
    if (stored == null) {
      return false;
    }
    events.publish(GradingUpdate.done(stored, now));
    return true;
  }
}
