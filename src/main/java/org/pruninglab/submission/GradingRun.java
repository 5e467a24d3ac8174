package org.pruninglab.submission;

import org.pruninglab.grading.DeviceLabel;

/**
 * Where and how a job was graded, for staff.
 *
 * @param worker the grading process that took it last (null while queued)
 * @param device the device its tensor engine ran on, as the sandbox reported it ({@code cpu()},
 *     {@code gpu(0)}), or the one it was given when the run ended before the engine loaded
 * @param attempts how often a worker started it (more than one: a worker died while grading it)
 */
public record GradingRun(String worker, String device, int attempts) {

  /** "CPU on vm-1234-worker, attempt 2", or "not started yet". */
  public String describe() {
    if (attempts == 0) {
      return "not started yet";
    }
    return (device == null ? "no device recorded" : DeviceLabel.of(device))
        + " on "
        + (worker == null ? "an unknown worker" : worker)
        + (attempts == 1 ? "" : ", attempt " + attempts);
  }
}
