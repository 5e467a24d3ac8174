package org.pruninglab.backend;

import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import org.pruninglab.exercise.GradingPack;
import org.pruninglab.grading.DeviceSlots;
import org.pruninglab.grading.GradingEngine;
import org.pruninglab.grading.GradingProgress;
import org.pruninglab.grading.GradingProgress.Phase;
import org.pruninglab.grading.GradingProperties;
import org.pruninglab.grading.GradingResult;
import org.pruninglab.grading.RunOptions;
import org.pruninglab.grading.Verdict;
import org.pruninglab.submission.GradingEvents;
import org.pruninglab.submission.GradingJobs;
import org.pruninglab.submission.GradingUpdate;
import org.pruninglab.submission.ResultStore;
import org.pruninglab.submission.Submission;
import org.pruninglab.submission.SubmissionKind;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Grades one job on this process's scheduler thread: claims it for an attempt (the attempt's number
 * is the fencing token the result store checks), leases a device slot, runs the grader and hands
 * the result to the submission feature's {@link ResultStore}. After {@code
 * lab.grading.max-attempts} starts a job ends as {@code grader error} for staff to look at.
 */
@Component
class GradingWorker {

  private static final Logger LOG = LoggerFactory.getLogger(GradingWorker.class);

  private final GradingJobs jobs;
  private final ResultStore results;
  private final GradingEvents events;
  private final GradingEngine engine;
  private final Clock clock;
  private final GradingProperties properties;
  private final WorkerIdentity identity;
  private final DeviceSlots slots;
  private final AtomicLong graded = new AtomicLong();

  GradingWorker(
      GradingJobs jobs,
      ResultStore results,
      GradingEvents events,
      GradingEngine engine,
      Clock clock,
      GradingProperties properties,
      WorkerIdentity identity) {
    this.jobs = jobs;
    this.results = results;
    this.events = events;
    this.engine = engine;
    this.clock = clock;
    this.properties = properties;
    this.identity = identity;
    this.slots =
        new DeviceSlots(properties.gpuIndexes(), properties.gpuSlots(), properties.gpuWait());
  }

  /** Whether this process grades (it has worker threads and may run untrusted code). */
  boolean grades() {
    return properties.workers() > 0 && engine.refusal() == null;
  }

  /** Results this process stored since it started. */
  long graded() {
    return graded.get();
  }

  DeviceSlots slots() {
    return slots;
  }

  /** Grades one stored submission and stores the result; safe to run again for the same id. */
  void grade(long id) {
    int attempt = jobs.claim(id, identity.id());
    if (attempt == 0) {
      return; // graded, or superseded, already
    }
    Submission s = jobs.find(id).orElseThrow();
    boolean stored = false;
    try {
      if (attempt > properties.maxAttempts()) {
        stored = giveUp(s, attempt);
      } else {
        if (attempt > 1) {
          LOG.warn("Submission {} starts its attempt {} on worker {}", id, attempt, identity.id());
        }
        stored = gradeAndStore(s, attempt);
      }
    } finally {
      if (stored) {
        graded.incrementAndGet();
      } else {
        // Stored by another attempt, or not at all: the pages still learn that this one ended.
        Instant now = clock.instant();
        jobs.recordPhase(id, Phase.DONE, now);
        events.publish(new GradingUpdate(id, s.accountId(), s.exerciseId(), Phase.DONE, 0, 0, now));
      }
    }
  }

  private boolean giveUp(Submission s, int attempt) {
    GradingPack pack = engine.exercises().gradingPack(s.exerciseId()).orElse(null);
    LOG.error(
        "Submission {} was started {} times without a result; it ends as a grader error",
        s.id(),
        attempt - 1);
    return fenced(
        s.id(),
        attempt,
        results.storeEnding(
            s,
            attempt,
            null,
            Verdict.GRADER_ERROR,
            "The grading service could not finish this job after "
                + (attempt - 1)
                + " attempts (a worker stopped while grading it each time). Your submission is"
                + " kept and staff have been told; they can grade it again.",
            pack == null ? 0 : pack.maxPoints(s.hidden())));
  }

  private boolean gradeAndStore(Submission s, int attempt) {
    long id = s.id();
    GradingResult result;
    GradingPack pack = engine.exercises().gradingPack(s.exerciseId()).orElse(null);
    String device = null;
    try {
      if (pack == null) {
        LOG.error("Submission {} is for the unavailable exercise {}", id, s.exerciseId());
        return fenced(
            id,
            attempt,
            results.storeEnding(
                s,
                attempt,
                null,
                Verdict.CRASHED,
                "The exercise "
                    + s.exerciseId()
                    + " is not available right now (its pack is missing or broken); your"
                    + " submission is kept. An instructor has been told.",
                0));
      }
      try (DeviceSlots.Lease lease =
          slots.acquire(pack.metadata().gpuPreferred(), pack.metadata().cpuFallback())) {
        device = lease.device();
        // Batch gradings leave out the pictures: students and staff look at those of the
        // submission itself, and a deadline batch should not pay for them hundreds of times.
        RunOptions options =
            new RunOptions(
                lease.device(),
                s.kind().byStudent(),
                s.kind() == SubmissionKind.RUN ? cancelledMeanwhile(id) : () -> false);
        result = engine.grader().grade(pack, jobs.source(id), s.hidden(), progressOf(s), options);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for a GPU slot", e);
    } catch (RuntimeException e) {
      LOG.error("Grading submission {} failed inside the service", id, e);
      return fenced(
          id,
          attempt,
          results.storeEnding(
              s,
              attempt,
              device,
              Verdict.CRASHED,
              "The grading service failed on this"
                  + " submission; it is kept and an instructor has been told.",
              pack.maxPoints(s.hidden())));
    }
    String used = result.engineDevice() != null ? result.engineDevice() : device;
    return fenced(id, attempt, results.store(id, attempt, used, result, pack.contentHash()));
  }

  private static boolean fenced(long id, int attempt, boolean stored) {
    if (!stored) {
      LOG.warn(
          "The result of attempt {} of submission {} is discarded: a later attempt took the job"
              + " over",
          attempt,
          id);
    }
    return stored;
  }

  /** True once the job has its result from elsewhere (cancelled); asked at most every 2 s. */
  private BooleanSupplier cancelledMeanwhile(long id) {
    long[] next = {0};
    boolean[] done = {false};
    return () -> {
      long now = System.nanoTime();
      if (!done[0] && now - next[0] >= 0) {
        next[0] = now + 2_000_000_000L;
        try {
          done[0] = jobs.done(id);
        } catch (RuntimeException e) {
          // The database is away for a moment: go on grading.
        }
      }
      return done[0];
    };
  }

  /** Phases are stored (first time only) and pushed; a running count is only pushed. */
  private GradingProgress progressOf(Submission s) {
    return (phase, done, total) -> {
      Instant now = clock.instant();
      if (done == 0) {
        try {
          jobs.recordPhase(s.id(), phase, now);
        } catch (RuntimeException e) {
          LOG.warn("Could not record phase {} of submission {}", phase, s.id(), e);
        }
      }
      events.publish(
          new GradingUpdate(s.id(), s.accountId(), s.exerciseId(), phase, done, total, now));
    };
  }
}
