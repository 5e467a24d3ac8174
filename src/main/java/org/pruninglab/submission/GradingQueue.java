package org.pruninglab.submission;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.serializer.JacksonSerializer;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import javax.sql.DataSource;
import org.pruninglab.exercise.ExercisePack;
import org.pruninglab.grading.GradingEngine;
import org.pruninglab.grading.GradingProgress;
import org.pruninglab.grading.GradingProgress.Phase;
import org.pruninglab.grading.GradingProperties;
import org.pruninglab.grading.GradingResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The grading queue: a db-scheduler one-time task per submission, in the lab's own database so that
 * several nodes can share the work. At start-up every submission that is not done is queued again
 * (a crash between storing and queueing loses nothing), and db-scheduler revives executions whose
 * node stopped sending heartbeats (a job interrupted by a restart is graded again).
 */
@Component
public class GradingQueue {

  private static final Logger LOG = LoggerFactory.getLogger(GradingQueue.class);

  private final SubmissionRepository submissions;
  private final GradingEvents events;
  private final GradingEngine engine;
  private final TransactionTemplate tx;
  private final ObjectMapper json;
  private final Clock clock;
  private final java.util.List<GradingListener> listeners;
  private final OneTimeTask<Long> task;
  private final Scheduler scheduler;

  GradingQueue(
      SubmissionRepository submissions,
      GradingEvents events,
      GradingEngine engine,
      DataSource dataSource,
      TransactionTemplate tx,
      ObjectMapper json,
      Clock clock,
      GradingProperties properties,
      java.util.List<GradingListener> listeners) {
    this.submissions = submissions;
    this.listeners = listeners;
    this.events = events;
    this.engine = engine;
    this.tx = tx;
    this.json = json;
    this.clock = clock;
    this.task =
        Tasks.oneTime("grade-submission", Long.class)
            .execute((instance, context) -> grade(instance.getData()));
    this.scheduler =
        Scheduler.create(dataSource, task)
            .threads(properties.workers())
            .pollingInterval(Duration.ofSeconds(1))
            .heartbeatInterval(Duration.ofSeconds(5))
            .missedHeartbeatsLimit(4)
            .enableImmediateExecution()
            .enablePriority()
            .serializer(new JacksonSerializer())
            .shutdownMaxWait(Duration.ofSeconds(5))
            .build();
  }

  @PostConstruct
  void start() {
    if (engine.refusal() != null) {
      LOG.error("The grading queue does not start: {}", engine.refusal());
      return;
    }
    requeueUnfinished();
    scheduler.start();
  }

  /** Queues every stored submission that has no result yet (none is lost across a crash). */
  void requeueUnfinished() {
    for (var unfinished : submissions.unfinished()) {
      enqueue(unfinished.getKey(), unfinished.getValue());
    }
  }

  @PreDestroy
  void stop() {
    scheduler.stop();
  }

  /** Queues a stored submission at its kind's priority (nothing happens if it is queued). */
  void enqueue(long submissionId, SubmissionKind kind) {
    scheduler.scheduleIfNotExists(
        task.instanceBuilder("submission-" + submissionId)
            .data(submissionId)
            .priority(kind.priority())
            .scheduledTo(clock.instant()));
  }

  /** Grades one stored submission and stores the result; safe to run again for the same id. */
  void grade(long id) {
    if (!submissions.markRunning(id)) {
      return;
    }
    Submission s = submissions.find(id).orElseThrow();
    try {
      gradeAndStore(s);
    } finally {
      Instant now = clock.instant();
      submissions.recordPhase(id, Phase.DONE, now);
      events.publish(new GradingUpdate(id, s.accountId(), s.exerciseId(), Phase.DONE, 0, 0, now));
    }
  }

  private void gradeAndStore(Submission s) {
    long id = s.id();
    GradingResult result;
    ExercisePack pack = engine.catalog().packs().get(s.exerciseId());
    try {
      if (pack == null) {
        store(
            id,
            "crashed",
            0,
            0,
            "The exercise "
                + s.exerciseId()
                + " is not available right now (its pack is missing or broken); your submission is"
                + " kept. An instructor has been told.",
            "{}",
            0,
            Map.of());
        LOG.error("Submission {} is for the unavailable exercise {}", id, s.exerciseId());
        return;
      }
      result = engine.grader().grade(pack, submissions.source(id), s.hidden(), progressOf(s));
    } catch (RuntimeException e) {
      LOG.error("Grading submission {} failed inside the service", id, e);
      store(
          id,
          "crashed",
          0,
          pack.maxPoints(s.hidden()),
          "The grading service failed on this"
              + " submission; it is kept and an instructor has been told.",
          "{}",
          0,
          Map.of());
      return;
    }
    try {
      store(
          id,
          result.verdict().label(),
          result.score(),
          result.maxScore(),
          result.summary(),
          json.writeValueAsString(result),
          result.timings().total(),
          result.metrics());
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("cannot write the result of submission " + id, e);
    }
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
      String verdict,
      double score,
      double max,
      String summary,
      String resultJson,
      long millis,
      Map<String, Object> metrics) {
    tx.executeWithoutResult(
        status -> {
          submissions.storeResult(
              id, verdict, score, max, summary, resultJson, millis, clock.instant(), metrics);
          Submission graded = submissions.find(id).orElseThrow();
          listeners.forEach(l -> l.resultStored(graded));
        });
  }
}
