package org.pruninglab.grading;

/**
 * How one grading job's sandbox runs.
 *
 * @param device {@code cpu}, {@code auto} or {@code gpu:N} (see {@link DeviceSlots}); the tensor
 *     engine falls back to the CPU when it sees no such GPU
 * @param pictures whether tests record pictures for the result page (and compute what only the
 *     pictures need); batch gradings, whose pictures nobody looks at, leave them out
 */
public record RunOptions(String device, boolean pictures) {

  public RunOptions {
    if (device == null || device.isBlank()) {
      throw new IllegalArgumentException("a grading job needs a device");
    }
  }

  /** On this device, with pictures. */
  public static RunOptions on(String device) {
    return new RunOptions(device, true);
  }
}
