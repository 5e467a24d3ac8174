package org.pruninglab.grading;

import java.util.Arrays;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A device as people read it: "CPU", "GPU 0". Devices are stored as the engine and the workers
 * write them ({@code cpu()}, {@code gpu(0)}, {@code cpu}, {@code gpu:0}); pages show this label
 * instead.
 */
public final class DeviceLabel {

  private static final Pattern CPU = Pattern.compile("cpu(\\(\\d*\\))?");
  private static final Pattern GPU = Pattern.compile("gpu(?:\\((\\d+)\\)|:(\\d+))");

  private DeviceLabel() {}

  /**
   * The label of one device or of a comma-separated list ("CPU, GPU 0"); "" for none; a value in no
   * known form is shown as it is.
   */
  public static String of(String stored) {
    if (stored == null || stored.isBlank()) {
      return "";
    }
    return Arrays.stream(stored.split(","))
        .map(String::strip)
        .filter(s -> !s.isEmpty())
        .map(DeviceLabel::one)
        .collect(Collectors.joining(", "));
  }

  private static String one(String device) {
    String d = device.toLowerCase(Locale.ROOT);
    if (CPU.matcher(d).matches()) {
      return "CPU";
    }
    Matcher gpu = GPU.matcher(d);
    if (gpu.matches()) {
      return "GPU " + (gpu.group(1) != null ? gpu.group(1) : gpu.group(2));
    }
    return device;
  }
}
