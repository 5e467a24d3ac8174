package org.pruninglab.grading;

/**
 * The resource ceilings of one grading job.
 *
 * @param wallSeconds the whole sandbox run, from launch to the last line; killed after
 * @param perTestSeconds one test; a slower test fails and the next one runs
 * @param heapMegabytes Java heap of the sandbox JVM
 * @param nativeMegabytes writable memory of the whole process (heap, tensors, stacks); beyond it
 *     allocations fail
 * @param processes processes and threads the sandbox user may have
 * @param outputBytes bytes on the sandbox's standard output and error together
 * @param tmpBytes size of the sandbox's private /tmp
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

  public Limits {
    if (wallSeconds < 1 || perTestSeconds < 1 || heapMegabytes < 32 || processes < 16) {
      throw new IllegalArgumentException("limits too small to start a JVM: " + this);
    }
  }
}
