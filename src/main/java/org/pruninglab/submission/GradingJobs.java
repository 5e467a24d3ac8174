package org.pruninglab.submission;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.pruninglab.grading.GradingProgress.Phase;
import org.springframework.stereotype.Service;

/**
 * A grading job as the grading backend sees it: the row of a stored submission, taken for an
 * attempt, its phases, its source. No one signs in here: the backend's own threads call it.
 */
@Service
public class GradingJobs {

  private final SubmissionRepository submissions;

  GradingJobs(SubmissionRepository submissions) {
    this.submissions = submissions;
  }

  /**
   * Takes a job for one attempt: counts the attempt and names the worker. The returned number is
   * the attempt's fencing token for the {@link ResultStore}; 0 when the job is done already.
   */
  public int claim(long id, String worker) {
    return submissions.claim(id, worker);
  }

  /** How many times a worker has started the job (0 while it never ran). */
  public int attempts(long id) {
    return submissions.attempts(id);
  }

  /** Whether the job has its result (graded, superseded, cancelled). */
  public boolean done(long id) {
    return submissions.done(id);
  }

  public Optional<Submission> find(long id) {
    return submissions.find(id);
  }

  /** The stored bytes, as they arrived. */
  public byte[] source(long id) {
    return submissions.source(id);
  }

  /** Keeps the first time a phase was reached. */
  public void recordPhase(long id, Phase phase, Instant at) {
    submissions.recordPhase(id, phase, at);
  }

  /** The student and exercise of a stored submission. */
  public Optional<Map.Entry<Long, String>> owner(long id) {
    return submissions.owner(id);
  }

  /** The student's jobs of the same queue band that were queued before this one and still wait. */
  public int waitingBefore(long accountId, SubmissionKind kind, long id) {
    return submissions.waitingBefore(accountId, kind, id);
  }

  /** The student's practice runs of the exercise that still wait and are older than {@code id}. */
  public List<Long> olderQueuedRuns(long accountId, String exerciseId, long id) {
    return submissions.olderQueuedRuns(accountId, exerciseId, id);
  }

  /** Submissions not graded yet, oldest first: queued, or interrupted while running. */
  public List<Map.Entry<Long, SubmissionKind>> unfinished() {
    return submissions.unfinished();
  }

  // What the backend's page and metrics show: counts and phase times, account ids but no names, so
  // the metrics (no one signed in) may read them; the staff page looks the names up.

  /** The jobs waiting now, per kind (kinds with none left out). */
  public Map<SubmissionKind, Integer> queuedByKind() {
    return submissions.queuedByKind();
  }

  /** The jobs running now, per worker that holds them. */
  public Map<String, Integer> runningByWorker() {
    return submissions.runningByWorker();
  }

  /** The latest {@code limit} jobs with their phase times, newest first. */
  public List<JobTimes> recentJobs(int limit) {
    return submissions.recentJobs(limit);
  }

  /**
   * The latest {@code limit} jobs that ended as {@code grader error}, or are on their second or
   * later attempt and not done, newest first.
   */
  public List<JobTimes> troubledJobs(int limit) {
    return submissions.troubledJobs(limit);
  }

  /** The phases after {@code queued} stored later than {@code after}, oldest first. */
  public List<PhaseReached> phasesAfter(Instant after) {
    return submissions.phasesAfter(after);
  }
}
