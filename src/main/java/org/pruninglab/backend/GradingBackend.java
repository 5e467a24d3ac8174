package org.pruninglab.backend;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.pruninglab.account.AccountService;
import org.pruninglab.backend.BackendSnapshot.JobTiming;
import org.pruninglab.backend.BackendSnapshot.WorkerState;
import org.pruninglab.submission.GradingJobs;
import org.pruninglab.submission.JobTimes;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * What the grading backend is doing, read from the shared database so that any node shows every
 * worker: queue lengths per band, workers and their jobs and GPU slots, phase times. The jobs come
 * from the submission feature, the workers from this feature's own table.
 */
@Service
public class GradingBackend {

  /** A worker silent for this long is shown as gone. */
  static final Duration SILENT = WorkerRegistry.REPORT_INTERVAL.multipliedBy(3);

  private static final int RECENT = 200;

  private final GradingJobs jobs;
  private final WorkerRepository workerRows;
  private final AccountService accounts;
  private final Clock clock;

  GradingBackend(
      GradingJobs jobs, WorkerRepository workerRows, AccountService accounts, Clock clock) {
    this.jobs = jobs;
    this.workerRows = workerRows;
    this.accounts = accounts;
    this.clock = clock;
  }

  /** The backend now, for staff: the jobs name their students. */
  @PreAuthorize("hasAnyRole('INSTRUCTOR', 'TA')")
  public BackendSnapshot snapshot() {
    BackendSnapshot s = read();
    Set<Long> students = new HashSet<>();
    s.recent().forEach(j -> students.add(j.accountId()));
    s.problems().forEach(j -> students.add(j.accountId()));
    // One lookup for all the jobs shown; the names are the account feature's.
    Map<Long, String> names = accounts.usernames(students);
    return new BackendSnapshot(
        s.at(),
        s.queued(),
        s.workers(),
        named(s.recent(), names),
        named(s.problems(), names),
        s.waitMedian(),
        s.waitP95(),
        s.runMedian(),
        s.runP95());
  }

  private static List<JobTiming> named(List<JobTiming> jobs, Map<Long, String> names) {
    return jobs.stream().map(j -> j.named(names.get(j.accountId()))).toList();
  }

  /**
   * The same without a signed-in user and without students' names: for the metrics, which carry no
   * student data.
   */
  BackendSnapshot read() {
    Instant now = clock.instant();
    Map<String, Integer> queued = new LinkedHashMap<>();
    for (String band : QueuePolicy.BANDS) {
      queued.put(band, 0);
    }
    jobs.queuedByKind()
        .forEach((kind, n) -> queued.merge(QueuePolicy.bandName(kind.priority()), n, Integer::sum));
    Map<String, Integer> runningBy = jobs.runningByWorker();
    List<WorkerState> workers =
        workerRows.all().stream()
            .map(
                w -> {
                  boolean alive = w.stoppedAt() == null && w.lastSeen().plus(SILENT).isAfter(now);
                  return new WorkerState(
                      w.id(),
                      w.host(),
                      w.role(),
                      w.threads(),
                      w.devices(),
                      runningBy.getOrDefault(w.id(), 0),
                      alive ? w.gpuInUse() : 0,
                      w.gpuSlots(),
                      w.graded(),
                      w.startedAt(),
                      w.lastSeen(),
                      w.stoppedAt(),
                      alive);
                })
            .toList();
    List<JobTiming> recent = jobs.recentJobs(RECENT).stream().map(GradingBackend::timing).toList();
    List<JobTiming> problems = jobs.troubledJobs(50).stream().map(GradingBackend::timing).toList();
    List<Duration> waits = new ArrayList<>();
    List<Duration> runs = new ArrayList<>();
    for (JobTiming j : recent) {
      if (j.ran() != null) {
        waits.add(j.waited(now));
        runs.add(j.ran());
      }
    }
    return new BackendSnapshot(
        now,
        queued,
        workers,
        recent.subList(0, Math.min(50, recent.size())),
        problems,
        percentile(waits, 50),
        percentile(waits, 95),
        percentile(runs, 50),
        percentile(runs, 95));
  }

  private static JobTiming timing(JobTimes j) {
    return new JobTiming(
        j.submissionId(),
        j.accountId(),
        null,
        j.exerciseId(),
        j.kind(),
        j.status(),
        j.attempts(),
        j.worker(),
        j.device(),
        j.verdict(),
        j.queuedAt(),
        j.startedAt(),
        j.finishedAt());
  }

  /** The nearest-rank percentile, or zero for no values. */
  static Duration percentile(List<Duration> values, int p) {
    if (values.isEmpty()) {
      return Duration.ZERO;
    }
    List<Duration> sorted = values.stream().sorted().toList();
    int rank = (int) Math.ceil(p / 100.0 * sorted.size());
    return sorted.get(Math.max(0, rank - 1));
  }
}
