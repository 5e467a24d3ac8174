package org.pruninglab.backend;

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
import javax.sql.DataSource;
import org.pruninglab.exercise.GradingPack;
import org.pruninglab.grading.GradingEngine;
import org.pruninglab.grading.GradingProperties;
import org.pruninglab.grading.Verdict;
import org.pruninglab.submission.GradingJobs;
import org.pruninglab.submission.JobQueue;
import org.pruninglab.submission.ResultStore;
import org.pruninglab.submission.Submission;
import org.pruninglab.submission.SubmissionKind;
import org.pruninglab.submission.SubmissionStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The grading queue: a db-scheduler one-time task per submission, in the lab's own database, so
 * that the web node and any number of worker processes on the same database share the work. It is
 * the one class that knows the library and its table ({@code scheduled_tasks}); the {@link
 * GradingWorker} grades what the library hands it.
 *
 * <p>Order: {@link QueuePolicy} gives each job its priority when it is queued (runs before
 * submissions before batch gradings, round-robin across students), and a student's newer practice
 * run closes their older queued runs of the same exercise as {@code superseded}.
 *
 * <p>Faults: a worker that stops sending heartbeats for the lease timeout loses its jobs to the
 * other workers (the library revives them and the worker's attempt fencing keeps the result
 * single). At start-up every submission without a result is queued again, so none is lost.
 */
@Component
public class GradingQueue implements JobQueue {

  static final String TASK = "grade-submission";

  private static final Logger LOG = LoggerFactory.getLogger(GradingQueue.class);

  private final GradingJobs jobs;
  private final ResultStore results;
  private final GradingWorker worker;
  private final WorkerRegistry registry;
  private final GradingEngine engine;
  private final JdbcClient jdbc;
  private final Clock clock;
  private final GradingProperties properties;
  private final WorkerIdentity identity;
  private final OneTimeTask<Long> task;
  private final SchedulerClient client;
  private final Scheduler scheduler;

  GradingQueue(
      GradingJobs jobs,
      ResultStore results,
      GradingWorker worker,
      WorkerRegistry registry,
      GradingEngine engine,
      DataSource dataSource,
      Clock clock,
      GradingProperties properties,
      WorkerIdentity identity) {
    this.jobs = jobs;
    this.results = results;
    this.worker = worker;
    this.registry = registry;
    this.engine = engine;
    this.jdbc = JdbcClient.create(dataSource);
    this.clock = clock;
    this.properties = properties;
    this.identity = identity;
    this.task =
        Tasks.oneTime(TASK, Long.class)
            // A failure outside the grader (the database went away while storing) is retried
            // soon; the attempt limit bounds how often.
            .onFailure(new FailureHandler.OnFailureRetryLater<>(Duration.ofSeconds(10)))
            .execute((instance, context) -> worker.grade(instance.getData()));
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
          worker.slots().devices(),
          worker.slots().capacity());
    } else {
      LOG.info("This node grades nothing itself (lab.grading.workers=0): worker processes do");
    }
  }

  /** Queues every stored submission that has no result yet (none is lost across a crash). */
  public void requeueUnfinished() {
    for (var unfinished : jobs.unfinished()) {
      enqueue(unfinished.getKey(), unfinished.getValue());
    }
  }

  @PreDestroy
  void stop() {
    if (scheduler != null) {
      scheduler.stop();
    }
  }

  @Override
  public String refusal() {
    return scheduler != null ? engine.refusal() : null;
  }

  static String instanceOf(long submissionId) {
    return "submission-" + submissionId;
  }

  @Override
  public void enqueue(long submissionId, SubmissionKind kind) {
    var owner = jobs.owner(submissionId).orElse(null);
    if (owner == null) {
      return;
    }
    if (kind == SubmissionKind.RUN) {
      for (long older : jobs.olderQueuedRuns(owner.getKey(), owner.getValue(), submissionId)) {
        supersede(older, submissionId);
      }
    }
    int waiting = jobs.waitingBefore(owner.getKey(), kind, submissionId);
    client.scheduleIfNotExists(
        task.instanceBuilder(instanceOf(submissionId))
            .data(submissionId)
            .priority(QueuePolicy.priority(kind, waiting))
            .scheduledTo(clock.instant()));
  }

  private void supersede(long older, long newer) {
    Submission run = jobs.find(older).orElse(null);
    if (run == null) {
      return;
    }
    GradingPack pack = engine.exercises().gradingPack(run.exerciseId()).orElse(null);
    // Stored only while it still waits: a worker that has it grades it as usual.
    boolean closed =
        results.storeEnding(
            run,
            0,
            null,
            Verdict.SUPERSEDED,
            "Skipped: your newer run #"
                + newer
                + " of this exercise was queued before this one started, so only the newer one is"
                + " graded. The code of this run is kept.",
            pack == null ? 0 : pack.maxPoints(false));
    if (closed) {
      unschedule(older);
    }
  }

  /**
   * {@inheritDoc} A worker grading it sees the result and stops the sandbox (it asks every two
   * seconds).
   */
  @Override
  public boolean cancel(Submission run) {
    GradingPack pack = engine.exercises().gradingPack(run.exerciseId()).orElse(null);
    for (int tries = 0; tries < 3; tries++) {
      int attempt = jobs.attempts(run.id());
      boolean queued =
          jobs.find(run.id()).map(s -> s.status() == SubmissionStatus.QUEUED).orElse(false);
      boolean stored =
          results.storeEnding(
              run,
              queued ? 0 : attempt,
              null,
              Verdict.CANCELLED,
              "Cancelled by you "
                  + (queued ? "before it started" : "while it ran")
                  + ". The code of this run is kept.",
              pack == null ? 0 : pack.maxPoints(false));
      if (stored) {
        if (queued) {
          unschedule(run.id());
        }
        return true;
      }
      if (jobs.done(run.id())) {
        return false;
      }
      // It moved from queued to running (or to its next attempt) meanwhile: try again.
    }
    return false;
  }

  private void unschedule(long id) {
    try {
      client.cancel(TaskInstanceId.of(TASK, instanceOf(id)));
    } catch (RuntimeException alreadyGone) {
      // Picked meanwhile or never queued: the worker finds it done and skips it.
    }
  }

  /**
   * Queued jobs that run before this one, in the job library's own order: a higher stored priority,
   * or as high and due earlier (the library sorts its table the same way).
   */
  @Override
  public int ahead(long submissionId) {
    return jdbc.sql(
            "select count(*) from scheduled_tasks t, scheduled_tasks me where me.task_name = ?"
                + " and me.task_instance = ? and t.task_name = me.task_name and not t.picked"
                + " and t.task_instance <> me.task_instance and (t.priority > me.priority or"
                + " (t.priority = me.priority and t.execution_time < me.execution_time))")
        .params(TASK, instanceOf(submissionId))
        .query(Integer.class)
        .single();
  }

  @Override
  public int liveGradingThreads() {
    return registry.liveGradingThreads();
  }
}
