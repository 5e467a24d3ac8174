package org.pruninglab.labkit.pictures;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Tidy tick marks for one axis of a chart: 1, 2 or 5 times a power of ten apart, from just below
 * the smallest value to just above the largest. A fraction axis stays within 0 to 100 % and is
 * labelled in percent.
 *
 * @param from the first tick
 * @param to the last tick
 * @param step the distance between ticks
 * @param fraction whether values are fractions, labelled in percent
 */
public record AxisTicks(double from, double to, double step, boolean fraction) {

  public static AxisTicks of(double[] data, boolean fraction) {
    double lo = Arrays.stream(data).min().orElse(0);
    double hi = Arrays.stream(data).max().orElse(1);
    if (fraction) {
      lo = Math.max(0, lo);
      hi = Math.min(1, hi);
    }
    if (hi - lo < 1e-9) {
      double pad = fraction ? 0.05 : Math.max(1, Math.abs(hi) * 0.1);
      lo -= pad;
      hi += pad;
    }
    double raw = (hi - lo) / 5;
    double magnitude = Math.pow(10, Math.floor(Math.log10(raw)));
    double step = 10 * magnitude;
    for (double m : new double[] {1, 2, 5}) {
      if (m * magnitude >= raw) {
        step = m * magnitude;
        break;
      }
    }
    if (fraction) {
      step = Math.max(step, 0.01);
    }
    double from = Math.floor(lo / step + 1e-9) * step;
    double to = Math.ceil(hi / step - 1e-9) * step;
    if (fraction) {
      from = Math.max(0, from);
      to = Math.min(1, to);
    }
    return new AxisTicks(from, to, step, fraction);
  }

  /** The ticks, first to last. */
  public List<Double> values() {
    List<Double> out = new ArrayList<>();
    for (int i = 0; from + i * step <= to + step * 1e-6; i++) {
      out.add(from + i * step);
    }
    return out;
  }

  /** Where {@code v} lies between the first and the last tick, 0 to 1. */
  public double at(double v) {
    return (v - from) / (to - from);
  }

  /** {@code v} as a tick label or tooltip: a whole percentage, or two decimals when it is not. */
  public String label(double v) {
    if (fraction) {
      return Math.abs(v * 100 - Math.rint(v * 100)) < 1e-6
          ? String.format(Locale.ROOT, "%.0f %%", 100 * v)
          : String.format(Locale.ROOT, "%.2f %%", 100 * v);
    }
    return Math.abs(v - Math.rint(v)) < 1e-9 && Math.abs(v) < 1e12
        ? String.format(Locale.ROOT, "%,d", (long) Math.rint(v))
        : String.format(Locale.ROOT, "%.3g", v);
  }
}
