package org.pruninglab.backend;

import jakarta.annotation.PreDestroy;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import org.pruninglab.grading.GradingProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
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
  static final java.time.Duration REPORT_INTERVAL = java.time.Duration.ofSeconds(5);

  private static final Logger LOG = LoggerFactory.getLogger(WorkerRegistry.class);

  private final JdbcClient jdbc;
  private final GradingWorker worker;
  private final WorkerIdentity identity;
  private final GradingProperties properties;
  private final Clock clock;
  private volatile boolean registered;

  WorkerRegistry(
      JdbcClient jdbc,
      GradingWorker worker,
      WorkerIdentity identity,
      GradingProperties properties,
      Clock clock) {
    this.jdbc = jdbc;
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
      jdbc.sql("delete from grading_worker where id = ?").param(identity.id()).update();
      jdbc.sql(
              "insert into grading_worker (id, host, role, threads, devices, gpu_slots,"
                  + " gpu_in_use, graded, started_at, last_seen) values (?, ?, ?, ?, ?, ?, 0, 0,"
                  + " ?, ?)")
          .params(
              identity.id(),
              truncate(identity.host(), 200),
              properties.role(),
              properties.workers(),
              truncate(String.join(",", worker.slots().devices()), 400),
              worker.slots().capacity(),
              Timestamp.from(now),
              Timestamp.from(now))
          .update();
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
      jdbc.sql(
              "update grading_worker set gpu_in_use = ?, graded = ?, last_seen = ?, stopped_at ="
                  + " null where id = ?")
          .params(
              worker.slots().inUse(),
              worker.graded(),
              Timestamp.from(clock.instant()),
              identity.id())
          .update();
    } catch (RuntimeException e) {
      LOG.warn("Could not report grading worker {}: {}", identity.id(), e.getMessage());
    }
  }

  /** Grading threads of the workers that reported lately and have not stopped. */
  int liveGradingThreads() {
    return jdbc.sql(
            "select coalesce(sum(threads), 0) from grading_worker where stopped_at is null and"
                + " last_seen > ?")
        .param(Timestamp.from(clock.instant().minus(GradingBackend.SILENT)))
        .query(Integer.class)
        .single();
  }

  private static String truncate(String s, int max) {
    return s.length() <= max ? s : s.substring(0, max - 1) + "…";
  }

  @PreDestroy
  void stopped() {
    if (!registered) {
      return;
    }
    try {
      jdbc.sql("update grading_worker set gpu_in_use = 0, stopped_at = ? where id = ?")
          .params(Timestamp.from(clock.instant()), identity.id())
          .update();
    } catch (RuntimeException e) {
      LOG.debug("Could not mark grading worker {} stopped", identity.id(), e);
    }
  }
}
