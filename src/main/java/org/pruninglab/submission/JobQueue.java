package org.pruninglab.submission;

/**
 * Where the submission feature hands its stored jobs for grading, and asks where one stands. The
 * grading backend implements it, so this feature needs no part of the backend: the backend depends
 * on submissions, never the other way (see docs/decisions/2026-12-02-grading-backend.md).
 */
public interface JobQueue {

  /**
   * Queues a stored submission at its place in the order (nothing happens if it is queued); a
   * practice run first closes the same student's older queued runs of the exercise.
   */
  void enqueue(long submissionId, SubmissionKind kind);

  /**
   * Cancels a practice run, queued or running: it gets its result ({@code cancelled}) now, fenced
   * like every result. False when the run had its result already.
   */
  boolean cancel(Submission run);

  /**
   * Why submissions cannot be graded, or null: a node that grades needs a working sandbox; a node
   * that only queues (workers elsewhere grade) accepts submissions whatever its own host.
   */
  String refusal();

  /** Queued jobs that run before this one (running ones not counted). */
  int ahead(long submissionId);

  /** Grading threads of the live workers of the whole cluster (0 when none reported lately). */
  int liveGradingThreads();
}
