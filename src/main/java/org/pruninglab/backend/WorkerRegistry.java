package org.pruninglab.backend;

import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.pruninglab.grading.GradingProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Announces this process in {@code grading_worker} when it grades, and refreshes its row every few
 * seconds with what it is doing (GPU slots in use, jobs graded), so that the backend page and the
 * metrics of any node can show every worker. A database that is away for a while costs a few missed
 * reports, nothing else.
 */
@Component
class WorkerRegistry {

  /** How often a worker reports; a worker silent for three reports is shown as gone. */
  static final Duration REPORT_INTERVAL = Duration.ofSeconds(5);

  private static final Logger LOG = LoggerFactory.getLogger(WorkerRegistry.class);

  private final WorkerRepository workers;
  private final GradingWorker worker;
  private final WorkerIdentity identity;
  private final GradingProperties properties;
  private final Clock clock;
  private volatile boolean registered;

  WorkerRegistry(
      WorkerRepository workers,
      GradingWorker worker,
      WorkerIdentity identity,
      GradingProperties properties,
      Clock clock) {
    this.workers = workers;
    this.worker = worker;
    this.identity = identity;
    this.properties = properties;
    this.clock = clock;
  }

  @EventListener(ApplicationReadyEvent.class)
  void register() {
    if (!worker.grades()) {
      return;
    }
    Instant now = clock.instant();
    try {
      workers.announce(
          identity.id(),
          identity.host(),
          properties.role(),
          properties.workers(),
          String.join(",", worker.slots().devices()),
          worker.slots().capacity(),
          now);
      registered = true;
    } catch (RuntimeException e) {
      LOG.warn("Could not announce grading worker {}: {}", identity.id(), e.getMessage());
    }
  }

  @Scheduled(fixedDelayString = "5s", initialDelayString = "5s")
  void report() {
    if (!worker.grades()) {
      return;
    }
    if (!registered) {
      register();
      return;
    }
    try {
      workers.report(identity.id(), worker.slots().inUse(), worker.graded(), clock.instant());
    } catch (RuntimeException e) {
      LOG.warn("Could not report grading worker {}: {}", identity.id(), e.getMessage());
    }
  }

  /** Grading threads of the workers that reported lately and have not stopped. */
  int liveGradingThreads() {
    return workers.liveThreads(clock.instant().minus(GradingBackend.SILENT));
  }

  @PreDestroy
  void stopped() {
    if (!registered) {
      return;
    }
    try {
      workers.stopped(identity.id(), clock.instant());
    } catch (RuntimeException e) {
      LOG.debug("Could not mark grading worker {} stopped", identity.id(), e);
    }
  }
}
