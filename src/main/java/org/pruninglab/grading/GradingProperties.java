package org.pruninglab.grading;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Grading settings under {@code lab.grading.*} (the README's table documents them).
 *
 * @param exercisesDir the students' side of the packs
 * @param graderDir the hidden side of the packs
 * @param bwrap the bubblewrap executable
 * @param threads CPU threads per sandbox JVM
 * @param workers grading jobs this node runs at once; 0 makes a web node that only queues (its jobs
 *     are run by worker processes on the same database)
 * @param maxQueuedPerStudent submissions of one student that may wait or run at once
 * @param unsafeLocal grade without bubblewrap; for a single-user machine only, shown on every page
 * @param sandboxDir where the sandbox's class path and engine cache are prepared
 * @param maxAttempts how often a job is started before it is given up as {@code grader error} (a
 *     worker that dies mid-job costs one attempt)
 * @param leaseTimeout how long a running job's worker may stay silent before another worker takes
 *     the job over (workers refresh their lease a quarter of this apart)
 * @param gpus the GPU indexes this worker uses; unset: every {@code /dev/nvidiaN} of the host
 * @param gpuSlots grading jobs that share one GPU at once
 * @param gpuWait how long a GPU-preferring job waits for a slot before it falls back to the CPU
 * @param role what this process is, as the backend page lists it: {@code web} or {@code worker}
 */
@ConfigurationProperties("lab.grading")
public record GradingProperties(
    @DefaultValue("exercises") Path exercisesDir,
    @DefaultValue("grader") Path graderDir,
    @DefaultValue("bwrap") String bwrap,
    @DefaultValue("2") int threads,
    @DefaultValue("1") int workers,
    @DefaultValue("3") int maxQueuedPerStudent,
    @DefaultValue("false") boolean unsafeLocal,
    Path sandboxDir,
    @DefaultValue("3") int maxAttempts,
    @DefaultValue("60s") Duration leaseTimeout,
    List<Integer> gpus,
    @DefaultValue("2") int gpuSlots,
    @DefaultValue("30s") Duration gpuWait,
    @DefaultValue("web") String role) {

  public GradingProperties {
    if (threads < 1 || maxQueuedPerStudent < 1) {
      throw new IllegalArgumentException(
          "lab.grading.threads and max-queued-per-student must be at least 1");
    }
    if (workers < 0) {
      throw new IllegalArgumentException(
          "lab.grading.workers must be 0 (this node only queues) or more");
    }
    if (maxAttempts < 1 || gpuSlots < 1) {
      throw new IllegalArgumentException(
          "lab.grading.max-attempts and lab.grading.gpu-slots must be at least 1");
    }
    if (leaseTimeout.compareTo(Duration.ofSeconds(4)) < 0) {
      throw new IllegalArgumentException("lab.grading.lease-timeout must be at least 4s");
    }
    if (gpuWait.isNegative()) {
      throw new IllegalArgumentException("lab.grading.gpu-wait cannot be negative");
    }
    if (!role.equals("web") && !role.equals("worker")) {
      throw new IllegalArgumentException("lab.grading.role must be 'web' or 'worker'");
    }
  }

  /** The GPUs of this worker: the configured ones, else the host's. */
  public List<Integer> gpuIndexes() {
    return gpus != null ? gpus : DeviceSlots.gpusOfThisHost();
  }

  EngineSettings toEngineSettings(Path dataDir, Path fashionMnistDir) {
    return new EngineSettings(
        exercisesDir.toAbsolutePath(),
        graderDir.toAbsolutePath(),
        dataDir.resolve("grading").toAbsolutePath(),
        bwrap,
        threads,
        unsafeLocal,
        fashionMnistDir,
        (sandboxDir != null ? sandboxDir : dataDir.resolve("grading/sandbox")).toAbsolutePath());
  }
}
