package org.pruninglab.grading;

import java.util.Optional;
import org.pruninglab.grading.harness.PictureCodec;
import org.pruninglab.labkit.pictures.Histogram;
import org.pruninglab.labkit.pictures.KernelMaps;
import org.pruninglab.labkit.pictures.LineChart;
import org.pruninglab.labkit.pictures.MaskBitmap;
import org.pruninglab.labkit.pictures.SparsityCurve;

/**
 * A picture of a model that a test recorded (a histogram, a mask, kernel maps, a curve), as the
 * sandbox sent it. Untrusted data: each reader checks it with {@link PictureCodec}, the codec that
 * wrote it, and is empty when the picture is of another kind or fails a check.
 *
 * @param name what the test called it, e.g. {@code fc1.weight.before}
 * @param kind {@code histogram}, {@code mask}, {@code kernels}, {@code curve} or {@code chart}
 * @param json the picture's data, in {@link PictureCodec}'s format
 */
public record RecordedPicture(String name, String kind, String json) {

  public Optional<Histogram> histogram() {
    return PictureCodec.readHistogram(kind, json);
  }

  public Optional<MaskBitmap> mask() {
    return PictureCodec.readMask(kind, json);
  }

  public Optional<KernelMaps> kernels() {
    return PictureCodec.readKernels(kind, json);
  }

  public Optional<SparsityCurve> curve() {
    return PictureCodec.readCurve(kind, json);
  }

  public Optional<LineChart> chart() {
    return PictureCodec.readChart(kind, json);
  }
}
