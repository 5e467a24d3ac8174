package org.pruninglab.backend;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.pruninglab.submission.SubmissionKind;
import org.pruninglab.submission.SubmissionStatus;

/**
 * The grading backend at one moment, for the instructors' page and the metrics.
 *
 * @param queued jobs waiting per queue band ({@code run}, {@code submission}, {@code batch})
 * @param workers every grading process that announced itself, newest first
 * @param recent the latest jobs with their phase times, newest first
 * @param problems jobs that ended as {@code grader error}, or are on their second or later attempt
 * @param waitMedian median time from queued to started over the recent finished jobs
 * @param waitP95 95th percentile of the same
 * @param runMedian median time from started to finished over the recent finished jobs
 * @param runP95 95th percentile of the same
 */
public record BackendSnapshot(
    Instant at,
    Map<String, Integer> queued,
    List<WorkerState> workers,
    List<JobTiming> recent,
    List<JobTiming> problems,
    Duration waitMedian,
    Duration waitP95,
    Duration runMedian,
    Duration runP95) {

  public BackendSnapshot {
    queued = Map.copyOf(queued);
    workers = List.copyOf(workers);
    recent = List.copyOf(recent);
    problems = List.copyOf(problems);
  }

  public int queuedTotal() {
    return queued.values().stream().mapToInt(Integer::intValue).sum();
  }

  /** Jobs running now on live workers. */
  public int running() {
    return workers.stream().filter(WorkerState::alive).mapToInt(WorkerState::running).sum();
  }

  public int gpuSlotsInUse() {
    return workers.stream().filter(WorkerState::alive).mapToInt(WorkerState::gpuInUse).sum();
  }

  public int gpuSlots() {
    return workers.stream().filter(WorkerState::alive).mapToInt(WorkerState::gpuSlots).sum();
  }

  public long aliveWorkers() {
    return workers.stream().filter(WorkerState::alive).count();
  }

  /**
   * One grading process.
   *
   * @param running jobs it holds now (from the jobs' own rows, so a dead worker's jobs show until
   *     another worker takes them over)
   * @param alive it reported within the last three report intervals and has not stopped
   */
  public record WorkerState(
      String id,
      String host,
      String role,
      int threads,
      String devices,
      int running,
      int gpuInUse,
      int gpuSlots,
      long graded,
      Instant startedAt,
      Instant lastSeen,
      Instant stoppedAt,
      boolean alive) {}

  /**
   * One job and its phase times (null until reached).
   *
   * @param student the student's username on staff's snapshot; null on the metrics' (no names)
   */
  public record JobTiming(
      long submissionId,
      long accountId,
      String student,
      String exerciseId,
      SubmissionKind kind,
      SubmissionStatus status,
      int attempts,
      String worker,
      String device,
      String verdict,
      Instant queuedAt,
      Instant startedAt,
      Instant finishedAt) {

    /** The same job with its student's name. */
    JobTiming named(String username) {
      return new JobTiming(
          submissionId,
          accountId,
          username,
          exerciseId,
          kind,
          status,
          attempts,
          worker,
          device,
          verdict,
          queuedAt,
          startedAt,
          finishedAt);
    }

    /** Queued to started (or to now while it waits). */
    public Duration waited(Instant now) {
      if (queuedAt == null) {
        return Duration.ZERO;
      }
      Instant end = startedAt != null ? startedAt : finishedAt != null ? finishedAt : now;
      return Duration.between(queuedAt, end);
    }

    /** Started to finished, or null when it has not started or not finished. */
    public Duration ran() {
      return startedAt == null || finishedAt == null
          ? null
          : Duration.between(startedAt, finishedAt);
    }
  }
}
