package org.pruninglab.grading;

import java.util.function.BooleanSupplier;

/**
 * How one grading job's sandbox runs.
 *
 * @param device {@code cpu}, {@code auto} or {@code gpu:N} (see {@link DeviceSlots}); the tensor
 *     engine falls back to the CPU when it sees no such GPU
 * @param pictures whether tests record pictures for the result page (and compute what only the
 *     pictures need); batch gradings, whose pictures nobody looks at, leave them out
 * @param stopRequested asked now and then while the sandbox runs; true stops the job (its student
 *     cancelled it)
 */
public record RunOptions(String device, boolean pictures, BooleanSupplier stopRequested) {

  public RunOptions {
    if (device == null || device.isBlank()) {
      throw new IllegalArgumentException("a grading job needs a device");
    }
    if (stopRequested == null) {
      throw new IllegalArgumentException("a grading job needs a stop signal");
    }
  }

  /** A job nobody can stop but the limits. */
  public RunOptions(String device, boolean pictures) {
    this(device, pictures, () -> false);
  }

  /** On this device, with pictures. */
  public static RunOptions on(String device) {
    return new RunOptions(device, true);
  }
}
