package org.pruninglab.backend;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Clock;
import java.time.Duration;
import java.util.function.ToDoubleFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The grading backend as Micrometer gauges ({@code /actuator/metrics}, {@code
 * /actuator/prometheus}): queue length per band, jobs running (in all and per worker), live
 * workers, GPU slots in use and in all, and the recent wait and run times. One database read serves
 * all gauges for five seconds.
 */
@Component
// Only where they can be read: a worker has no web server, and the web node's gauges already
// cover every worker from the database.
@ConditionalOnWebApplication
class GradingMetrics implements MeterBinder {

  private static final Logger LOG = LoggerFactory.getLogger(GradingMetrics.class);
  private static final Duration FRESH = Duration.ofSeconds(5);

  private final GradingBackend backend;
  private final Clock clock;
  private BackendSnapshot cached;
  private MultiGauge perWorker;

  GradingMetrics(GradingBackend backend, Clock clock) {
    this.backend = backend;
    this.clock = clock;
  }

  @Override
  public void bindTo(MeterRegistry registry) {
    for (String band : QueuePolicy.BANDS) {
      gauge(registry, "lab.grading.queue", "Jobs waiting", s -> s.queued().getOrDefault(band, 0))
          .tag("band", band)
          .register(registry);
    }
    gauge(registry, "lab.grading.running", "Jobs running on live workers", s -> s.running())
        .register(registry);
    gauge(registry, "lab.grading.workers", "Live grading workers", s -> s.aliveWorkers())
        .register(registry);
    gauge(registry, "lab.grading.gpu.slots.used", "GPU slots in use", s -> s.gpuSlotsInUse())
        .register(registry);
    gauge(registry, "lab.grading.gpu.slots", "GPU slots of live workers", s -> s.gpuSlots())
        .register(registry);
    gauge(
            registry,
            "lab.grading.wait.p95",
            "95th percentile of queued-to-started over recent jobs",
            s -> s.waitP95().toMillis() / 1000.0)
        .baseUnit("seconds")
        .register(registry);
    gauge(
            registry,
            "lab.grading.run.median",
            "Median started-to-finished over recent jobs",
            s -> s.runMedian().toMillis() / 1000.0)
        .baseUnit("seconds")
        .register(registry);
    perWorker =
        MultiGauge.builder("lab.grading.worker.running")
            .description("Jobs running per live worker")
            .register(registry);
  }

  private Gauge.Builder<GradingMetrics> gauge(
      MeterRegistry registry,
      String name,
      String description,
      ToDoubleFunction<BackendSnapshot> f) {
    return Gauge.builder(
            name,
            this,
            m -> {
              BackendSnapshot s = m.snapshot();
              return s == null ? Double.NaN : f.applyAsDouble(s);
            })
        .description(description);
  }

  /** Keeps the per-worker rows current between scrapes (a scrape reads rows registered before). */
  @Scheduled(fixedDelayString = "5s", initialDelayString = "2s")
  void refresh() {
    snapshot();
  }

  private synchronized BackendSnapshot snapshot() {
    if (cached == null || cached.at().plus(FRESH).isBefore(clock.instant())) {
      try {
        cached = backend.read();
        if (perWorker != null) {
          perWorker.register(
              cached.workers().stream()
                  .filter(BackendSnapshot.WorkerState::alive)
                  .map(w -> MultiGauge.Row.of(Tags.of("worker", w.id()), w.running()))
                  .toList(),
              true);
        }
      } catch (RuntimeException e) {
        LOG.debug("Grading metrics could not read the database", e);
        return cached;
      }
    }
    return cached;
  }
}
