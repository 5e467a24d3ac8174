package org.pruninglab.submission;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.SchedulerName;
import com.github.kagkarlsson.scheduler.serializer.JacksonSerializer;
import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.TaskInstanceId;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import javax.sql.DataSource;
import org.pruninglab.exercise.ExercisePack;
import org.pruninglab.grading.DeviceSlots;
import org.pruninglab.grading.GradingEngine;
import org.pruninglab.grading.GradingProgress;
import org.pruninglab.grading.GradingProgress.Phase;
import org.pruninglab.grading.GradingProperties;
import org.pruninglab.grading.GradingResult;
import org.pruninglab.grading.RunOptions;
import org.pruninglab.grading.Verdict;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The grading queue: a db-scheduler one-time task per submission, in the lab's own database, so
 * that the web node and any number of worker processes on the same database share the work.
 *
 * <p>Order: {@link QueuePolicy} gives each job its priority when it is queued (runs before
 * submissions before batch gradings, round-robin across students), and a student's newer practice
 * run closes their older queued runs of the same exercise as {@code superseded}.
 *
 * <p>Faults: a worker that stops sending heartbeats for the lease timeout loses its jobs to the
 * other workers (the library revives them). Each start of a job is an attempt with its own number;
 * only the latest attempt may store the result (the number is a fencing token), so a job is never
 * stored twice, and after {@code lab.grading.max-attempts} starts it ends as {@code grader error}
 * for staff to look at. At start-up every submission without a result is queued again, so none is
 * lost.
 */
@Component
public class GradingQueue {

  static final String TASK = "grade-submission";

  private static final Logger LOG = LoggerFactory.getLogger(GradingQueue.class);

  private final SubmissionRepository submissions;
  private final GradingEvents events;
  private final GradingEngine engine;
  private final TransactionTemplate tx;
  private final Clock clock;
  private final List<GradingListener> listeners;
  private final GradingProperties properties;
  private final WorkerIdentity identity;
  private final DeviceSlots slots;
  private final OneTimeTask<Long> task;
  private final SchedulerClient client;
  private final Scheduler scheduler;
  private final AtomicLong graded = new AtomicLong();

  GradingQueue(
      SubmissionRepository submissions,
      GradingEvents events,
      GradingEngine engine,
      DataSource dataSource,
      TransactionTemplate tx,
      Clock clock,
      GradingProperties properties,
      WorkerIdentity identity,
      List<GradingListener> listeners) {
    this.submissions = submissions;
    this.listeners = listeners;
    this.events = events;
    this.engine = engine;
    this.tx = tx;
    this.clock = clock;
    this.properties = properties;
    this.identity = identity;
    this.slots =
        new DeviceSlots(properties.gpuIndexes(), properties.gpuSlots(), properties.gpuWait());
    this.task =
        Tasks.oneTime(TASK, Long.class)
            // A failure outside the grader (the database went away while storing) is retried
            // soon; the attempt limit bounds how often.
            .onFailure(new FailureHandler.OnFailureRetryLater<>(Duration.ofSeconds(10)))
            .execute((instance, context) -> grade(instance.getData()));
    Duration heartbeat = properties.leaseTimeout().dividedBy(4);
    this.scheduler =
        properties.workers() == 0
            ? null
            : Scheduler.create(dataSource, task)
                .schedulerName(new SchedulerName.Fixed(identity.id()))
                .threads(properties.workers())
                .pollingInterval(Duration.ofSeconds(1))
                .heartbeatInterval(heartbeat)
                .missedHeartbeatsLimit(4)
                .enableImmediateExecution()
                .enablePriority()
                .serializer(new JacksonSerializer())
                .shutdownMaxWait(Duration.ofSeconds(5))
                .build();
    // A node that grades schedules through its own scheduler, which then runs the job at once
    // instead of at its next poll; a node that only queues needs just a client.
    this.client =
        scheduler != null
            ? scheduler
            : SchedulerClient.Builder.create(dataSource, task)
                .serializer(new JacksonSerializer())
                .enablePriority()
                .build();
  }

  @PostConstruct
  void start() {
    if (scheduler != null && engine.refusal() != null) {
      LOG.error("The grading queue does not start: {}", engine.refusal());
      return;
    }
    try {
      requeueUnfinished();
    } catch (RuntimeException e) {
      // The database is away for the moment: the jobs wait in its tables, and the next node to
      // start (or this one's next start) queues them again. A worker starts regardless.
      LOG.warn("Could not queue the unfinished submissions again: {}", e.getMessage());
    }
    if (scheduler != null) {
      scheduler.start();
      LOG.info(
          "Grading worker {} runs {} job(s) at once on {} ({} GPU slot(s))",
          identity.id(),
          properties.workers(),
          slots.devices(),
          slots.capacity());
    } else {
      LOG.info("This node grades nothing itself (lab.grading.workers=0): worker processes do");
    }
  }

  /** Queues every stored submission that has no result yet (none is lost across a crash). */
  void requeueUnfinished() {
    for (var unfinished : submissions.unfinished()) {
      enqueue(unfinished.getKey(), unfinished.getValue());
    }
  }

  @PreDestroy
  void stop() {
    if (scheduler != null) {
      scheduler.stop();
    }
  }

  /** Whether this process grades (it has worker threads and may run untrusted code). */
  boolean grades() {
    return scheduler != null && engine.refusal() == null;
  }

  /**
   * Why submissions cannot be graded, or null: a node that grades needs a working sandbox; a node
   * that only queues (workers elsewhere grade) accepts submissions whatever its own host.
   */
  String refusal() {
    return scheduler != null ? engine.refusal() : null;
  }

  long graded() {
    return graded.get();
  }

  DeviceSlots slots() {
    return slots;
  }

  static String instanceOf(long submissionId) {
    return "submission-" + submissionId;
  }

  /**
   * Queues a stored submission at its place in the order (nothing happens if it is queued); a
   * practice run first closes the same student's older queued runs of the exercise.
   */
  void enqueue(long submissionId, SubmissionKind kind) {
    var owner = submissions.owner(submissionId).orElse(null);
    if (owner == null) {
      return;
    }
    if (kind == SubmissionKind.RUN) {
      for (long older :
          submissions.olderQueuedRuns(owner.getKey(), owner.getValue(), submissionId)) {
        supersede(older, submissionId, owner.getKey(), owner.getValue());
      }
    }
    int waiting = submissions.waitingBefore(owner.getKey(), kind, submissionId);
    client.scheduleIfNotExists(
        task.instanceBuilder(instanceOf(submissionId))
            .data(submissionId)
            .priority(QueuePolicy.priority(kind, waiting))
            .scheduledTo(clock.instant()));
  }

  private void supersede(long older, long newer, long accountId, String exerciseId) {
    ExercisePack pack = engine.catalog().packs().get(exerciseId);
    Instant now = clock.instant();
    Boolean closed =
        tx.execute(
            status -> {
              // Stored only while it still waits: a worker that has it grades it as usual.
              GradingResult ending =
                  GradingResult.ending(
                      exerciseId,
                      false,
                      Verdict.SUPERSEDED,
                      "Skipped: your newer run #"
                          + newer
                          + " of this exercise was queued before this one started, so only the"
                          + " newer one is graded. The code of this run is kept.",
                      pack == null ? 0 : pack.maxPoints(false));
              if (!submissions.storeResult(
                  older, 0, null, new StoredResult(ending, false, now, null))) {
                return false;
              }
              submissions.recordPhase(older, Phase.DONE, now);
              return true;
            });
    if (Boolean.TRUE.equals(closed)) {
      try {
        client.cancel(TaskInstanceId.of(TASK, instanceOf(older)));
      } catch (RuntimeException alreadyGone) {
        // Picked meanwhile or never queued: the worker finds it done and skips it.
      }
      events.publish(new GradingUpdate(older, accountId, exerciseId, Phase.DONE, 0, 0, now));
    }
  }

  /**
   * Cancels a practice run, queued or running: it gets its result ({@code cancelled}) now, fenced
   * like every result, so a worker grading it cannot store another; that worker sees the result and
   * stops the sandbox ({@link #cancelledMeanwhile}). False when the run had its result already.
   */
  boolean cancel(Submission run) {
    ExercisePack pack = engine.catalog().packs().get(run.exerciseId());
    Instant now = clock.instant();
    for (int tries = 0; tries < 3; tries++) {
      int attempt = submissions.attempts(run.id());
      boolean queued =
          submissions.find(run.id()).map(s -> s.status() == SubmissionStatus.QUEUED).orElse(false);
      Boolean stored =
          tx.execute(
              status -> {
                GradingResult ending =
                    GradingResult.ending(
                        run.exerciseId(),
                        run.hidden(),
                        Verdict.CANCELLED,
                        "Cancelled by you "
                            + (queued ? "before it started" : "while it ran")
                            + ". The code of this run is kept.",
                        pack == null ? 0 : pack.maxPoints(false));
                if (!submissions.storeResult(
                    run.id(),
                    queued ? 0 : attempt,
                    null,
                    new StoredResult(ending, false, now, null))) {
                  return false;
                }
                submissions.recordPhase(run.id(), Phase.DONE, now);
                return true;
              });
      if (Boolean.TRUE.equals(stored)) {
        if (queued) {
          try {
            client.cancel(TaskInstanceId.of(TASK, instanceOf(run.id())));
          } catch (RuntimeException alreadyGone) {
            // Picked meanwhile: the worker finds it done and skips it.
          }
        }
        events.publish(
            new GradingUpdate(run.id(), run.accountId(), run.exerciseId(), Phase.DONE, 0, 0, now));
        return true;
      }
      if (submissions.done(run.id())) {
        return false;
      }
      // It moved from queued to running (or to its next attempt) meanwhile: try again.
    }
    return false;
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
          done[0] = submissions.done(id);
        } catch (RuntimeException e) {
          // The database is away for a moment: go on grading.
        }
      }
      return done[0];
    };
  }

  /** Grades one stored submission and stores the result; safe to run again for the same id. */
  void grade(long id) {
    int attempt = submissions.claim(id, identity.id());
    if (attempt == 0) {
      return; // graded, or superseded, already
    }
    Submission s = submissions.find(id).orElseThrow();
    try {
      if (attempt > properties.maxAttempts()) {
        giveUp(s, attempt);
      } else {
        if (attempt > 1) {
          LOG.warn("Submission {} starts its attempt {} on worker {}", id, attempt, identity.id());
        }
        gradeAndStore(s, attempt);
      }
    } finally {
      Instant now = clock.instant();
      submissions.recordPhase(id, Phase.DONE, now);
      events.publish(new GradingUpdate(id, s.accountId(), s.exerciseId(), Phase.DONE, 0, 0, now));
    }
  }

  private void giveUp(Submission s, int attempt) {
    ExercisePack pack = engine.catalog().packs().get(s.exerciseId());
    LOG.error(
        "Submission {} was started {} times without a result; it ends as a grader error",
        s.id(),
        attempt - 1);
    storeEnding(
        s,
        attempt,
        null,
        Verdict.GRADER_ERROR,
        "The grading service could not finish this job after "
            + (attempt - 1)
            + " attempts (a worker stopped while grading it each time). Your submission is kept"
            + " and staff have been told; they can grade it again.",
        pack == null ? 0 : pack.maxPoints(s.hidden()));
  }

  private void gradeAndStore(Submission s, int attempt) {
    long id = s.id();
    GradingResult result;
    ExercisePack pack = engine.catalog().packs().get(s.exerciseId());
    String device = null;
    try {
      if (pack == null) {
        storeEnding(
            s,
            attempt,
            null,
            Verdict.CRASHED,
            "The exercise "
                + s.exerciseId()
                + " is not available right now (its pack is missing or broken); your submission is"
                + " kept. An instructor has been told.",
            0);
        LOG.error("Submission {} is for the unavailable exercise {}", id, s.exerciseId());
        return;
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
        result =
            engine.grader().grade(pack, submissions.source(id), s.hidden(), progressOf(s), options);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for a GPU slot", e);
    } catch (RuntimeException e) {
      LOG.error("Grading submission {} failed inside the service", id, e);
      storeEnding(
          s,
          attempt,
          device,
          Verdict.CRASHED,
          "The grading service failed on this"
              + " submission; it is kept and an instructor has been told.",
          pack.maxPoints(s.hidden()));
      return;
    }
    String used = result.engineDevice() != null ? result.engineDevice() : device;
    store(id, attempt, used, result, true, PackVersion.of(pack));
  }

  private void storeEnding(
      Submission s, int attempt, String device, Verdict verdict, String summary, double max) {
    store(
        s.id(),
        attempt,
        device,
        GradingResult.ending(s.exerciseId(), s.hidden(), verdict, summary, max),
        false,
        null);
  }

  /** Phases are stored (first time only) and pushed; a running count is only pushed. */
  private GradingProgress progressOf(Submission s) {
    return (phase, done, total) -> {
      Instant now = clock.instant();
      if (done == 0) {
        try {
          submissions.recordPhase(s.id(), phase, now);
        } catch (RuntimeException e) {
          LOG.warn("Could not record phase {} of submission {}", phase, s.id(), e);
        }
      }
      events.publish(
          new GradingUpdate(s.id(), s.accountId(), s.exerciseId(), phase, done, total, now));
    };
  }

  private void store(
      long id,
      int attempt,
      String device,
      GradingResult result,
      boolean byGrader,
      String packVersion) {
    boolean stored =
        Boolean.TRUE.equals(
            tx.execute(
                status -> {
                  StoredResult toStore =
                      new StoredResult(result, byGrader, clock.instant(), packVersion);
                  if (!submissions.storeResult(id, attempt, device, toStore)) {
                    return false;
                  }
                  Submission graded = submissions.find(id).orElseThrow();
                  listeners.forEach(l -> l.resultStored(graded));
                  return true;
                }));
    if (stored) {
      graded.incrementAndGet();
    } else {
      LOG.warn(
          "The result of attempt {} of submission {} is discarded: a later attempt took the job"
              + " over",
          attempt,
          id);
    }
  }
}
