package org.pruninglab.grading;

/**
 * The resource ceilings of one grading job.
 *
 * @param wallSeconds the whole sandbox run, from launch to the last line; killed after
 * @param perTestSeconds one test (and each set-up or tear-down method); a slower test is stopped
 *     and reported at the time limit, and the others still run
 * @param heapMegabytes Java heap of the sandbox JVM
 * @param nativeMegabytes writable memory of the whole process (heap, tensors, stacks); beyond it
 *     allocations fail
 * @param processes processes and threads the sandbox user may have
 * @param outputBytes bytes of signed lines one sandbox JVM may send (what the sandbox prints on its
 *     standard output and error is drained and dropped, never counted against the job)
 * @param tmpBytes size of the sandbox's private /tmp, the only place it can write
 */
public record Limits(
    int wallSeconds,
    int perTestSeconds,
    int heapMegabytes,
    int nativeMegabytes,
    int processes,
    long outputBytes,
    long tmpBytes) {

  public static Limits defaults() {
    return new Limits(120, 30, 512, 3072, 256, 8L << 20, 16L << 20);
  }

  /** The same limits with another wall-clock limit (what is left of a job's). */
  public Limits withWallSeconds(int seconds) {
    return new Limits(
        seconds, perTestSeconds, heapMegabytes, nativeMegabytes, processes, outputBytes, tmpBytes);
  }

  public Limits {
    if (wallSeconds < 1 || perTestSeconds < 1 || heapMegabytes < 32 || processes < 16) {
      throw new IllegalArgumentException("limits too small to start a JVM: " + this);
    }
  }
}
