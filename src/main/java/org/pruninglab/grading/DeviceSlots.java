package org.pruninglab.grading;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The devices of one grading worker and who uses them. The CPU is never scarce here (the worker's
 * thread count bounds it); each GPU is shared by at most {@code slotsPerGpu} jobs at once. A job of
 * a GPU-preferring exercise takes a free slot on the least busy GPU, else waits up to the wait
 * limit and then runs on the CPU when its exercise allows that, or waits on for a slot when it does
 * not. A worker without GPUs runs everything on the CPU: no job waits and none fails.
 */
public final class DeviceSlots {

  /** The device of a job that holds no GPU slot. */
  public static final String CPU = "cpu";

  private final int[] inUse;
  private final List<Integer> gpus;
  private final int slotsPerGpu;
  private final Duration maxWait;
  private long waiting;

  /**
   * @param gpus the indexes of the GPUs this worker may use (empty: a CPU-only worker)
   * @param slotsPerGpu jobs that may share one GPU at once
   * @param maxWait how long a GPU-preferring job waits for a slot before it falls back to the CPU
   */
  public DeviceSlots(List<Integer> gpus, int slotsPerGpu, Duration maxWait) {
    if (slotsPerGpu < 1) {
      throw new IllegalArgumentException("a GPU needs at least one slot (lab.grading.gpu-slots)");
    }
    if (maxWait.isNegative()) {
      throw new IllegalArgumentException("the GPU wait limit cannot be negative");
    }
    if (gpus.stream().distinct().count() != gpus.size() || gpus.stream().anyMatch(g -> g < 0)) {
      throw new IllegalArgumentException("GPU indexes must be distinct and not negative: " + gpus);
    }
    this.gpus = List.copyOf(gpus);
    this.inUse = new int[gpus.size()];
    this.slotsPerGpu = slotsPerGpu;
    this.maxWait = maxWait;
  }

  /** The GPU indexes of the {@code /dev/nvidiaN} files of this host (none without NVIDIA GPUs). */
  public static List<Integer> gpusOfThisHost() {
    return SandboxSettings.nvidiaDevices().stream()
        .map(p -> p.getFileName().toString())
        .filter(n -> n.matches("nvidia[0-9]+"))
        .map(n -> Integer.parseInt(n.substring("nvidia".length())))
        .sorted()
        .toList();
  }

  /**
   * A device for one job; close the lease when the job ends.
   *
   * @param gpuPreferred the exercise asks for a GPU
   * @param cpuFallback the exercise may run on the CPU when no GPU slot frees up in time
   */
  public Lease acquire(boolean gpuPreferred, boolean cpuFallback) throws InterruptedException {
    if (!gpuPreferred || gpus.isEmpty()) {
      return new Lease(CPU, -1, 0);
    }
    long start = System.nanoTime();
    long deadline = start + maxWait.toNanos();
    synchronized (this) {
      waiting++;
      try {
        while (true) {
          int gpu = leastBusyFree();
          if (gpu >= 0) {
            inUse[gpu]++;
            return new Lease("gpu:" + gpus.get(gpu), gpu, System.nanoTime() - start);
          }
          long left = deadline - System.nanoTime();
          if (left <= 0 && cpuFallback) {
            return new Lease(CPU, -1, System.nanoTime() - start);
          }
          // Without a fallback the job waits for the next freed slot (release notifies).
          long millis = left > 0 ? Math.max(1, left / 1_000_000) : 1000;
          wait(millis);
        }
      } finally {
        waiting--;
      }
    }
  }

  private int leastBusyFree() {
    int best = -1;
    for (int i = 0; i < inUse.length; i++) {
      if (inUse[i] < slotsPerGpu && (best < 0 || inUse[i] < inUse[best])) {
        best = i;
      }
    }
    return best;
  }

  /** Frees the lease's GPU slot, once, and wakes the jobs waiting for one. */
  private synchronized void release(Lease lease) {
    if (lease.slot >= 0 && !lease.closed) {
      lease.closed = true;
      inUse[lease.slot]--;
      notifyAll();
    }
  }

  /** GPU slots taken now, over all GPUs. */
  public synchronized int inUse() {
    int sum = 0;
    for (int n : inUse) {
      sum += n;
    }
    return sum;
  }

  /** GPU slots this worker has in all (GPUs × slots per GPU). */
  public int capacity() {
    return gpus.size() * slotsPerGpu;
  }

  /** Jobs waiting for a GPU slot now. */
  public synchronized long waiting() {
    return waiting;
  }

  /** The devices as the worker announces them: {@code cpu}, {@code gpu:0}, … */
  public List<String> devices() {
    List<String> out = new ArrayList<>();
    out.add(CPU);
    gpus.forEach(g -> out.add("gpu:" + g));
    return out;
  }

  /** One job's use of a device. */
  public final class Lease implements AutoCloseable {
    private final String device;
    private final int slot;
    private final long waitedNanos;
    private boolean closed;

    private Lease(String device, int slot, long waitedNanos) {
      this.device = device;
      this.slot = slot;
      this.waitedNanos = waitedNanos;
    }

    /** {@code cpu} or {@code gpu:N}: what the sandbox is told to use. */
    public String device() {
      return device;
    }

    /** True when the job holds a GPU slot. */
    public boolean onGpu() {
      return slot >= 0;
    }

    public Duration waited() {
      return Duration.ofNanos(waitedNanos);
    }

    @Override
    public void close() {
      release(this);
    }
  }
}
