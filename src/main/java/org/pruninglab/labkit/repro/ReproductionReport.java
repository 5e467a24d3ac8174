package org.pruninglab.labkit.repro;

import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

/**
 * The reproduction table in Markdown, the lab kit's numbers beside PyTorch's from {@code
 * shared/reference/pytorch-fashion-mnist.md} (CPU, 2 threads; epoch times with OpenBLAS, the fair
 * peer for libtorch's optimised BLAS).
 */
public final class ReproductionReport {

  private ReproductionReport() {}

  /** PyTorch's numbers, in the order of the rows below; NaN where the reference has none. */
  private static final double[][] PYTORCH = {
    // dense, pruned, fine-tuned, prunable sparsity, params dense, params after, nonzero after,
    // MACs dense, MACs after, dense epoch s (OpenBLAS), fine-tune epoch s (OpenBLAS),
    // inference dense img/s (OpenBLAS), inference after img/s (OpenBLAS), threshold ms
    {
      87.73, 66.82, 87.85, 90.0, 567_434, 567_434, 57_559, 566_528, 566_528, 9.22, 9.91, 42_219,
      42_219, 53.91
    },
    {
      91.00,
      11.93,
      86.60,
      90.0,
      1_199_882,
      1_199_882,
      120_199,
      11_992_448,
      11_992_448,
      54.94,
      64.26,
      1_962,
      1_962,
      16.01
    },
    {
      91.00,
      90.21,
      91.26,
      Double.NaN,
      1_199_882,
      600_810,
      600_810,
      11_992_448,
      6_094_208,
      Double.NaN,
      80.9,
      1_962,
      3_249,
      Double.NaN
    },
  };

  public static String markdown(List<PipelineResult> results) {
    StringBuilder md = new StringBuilder();
    md.append("| metric |");
    for (PipelineResult r : results) {
      md.append(' ').append(r.name()).append(" — Java/DJL | PyTorch |");
    }
    md.append("\n|---|");
    md.append("---:|---:|".repeat(results.size()));
    md.append('\n');
    row(md, results, "dense test accuracy (%)", r -> pct(r.denseAccuracy()), 0, "%.2f");
    row(md, results, "accuracy right after pruning (%)", r -> pct(r.prunedAccuracy()), 1, "%.2f");
    row(md, results, "accuracy after fine-tuning (%)", r -> pct(r.fineTunedAccuracy()), 2, "%.2f");
    row(md, results, "sparsity of prunable weights (%)", r -> pct(r.prunableSparsity()), 3, "%.4f");
    row(md, results, "parameters before", r -> (double) r.parametersDense(), 4, "%,.0f");
    row(md, results, "parameters after", r -> (double) r.parametersAfter(), 5, "%,.0f");
    row(md, results, "nonzero parameters after", r -> (double) r.nonzeroAfter(), 6, "%,.0f");
    row(md, results, "size dense (MiB, 32 bit)", r -> mib(r.parametersAfter()), -1, "%.3f");
    row(md, results, "size nonzero only (MiB, 32 bit)", r -> mib(r.nonzeroAfter()), -1, "%.3f");
    row(md, results, "MACs per image before", r -> (double) r.macsDense(), 7, "%,.0f");
    row(md, results, "MACs per image after", r -> (double) r.macsAfter(), 8, "%,.0f");
    row(
        md,
        results,
        "train epoch, pre-training (s)",
        PipelineResult::meanDenseEpochSeconds,
        9,
        "%.1f");
    row(
        md,
        results,
        "train epoch, fine-tune (s)",
        PipelineResult::meanFineTuneEpochSeconds,
        10,
        "%.1f");
    row(
        md,
        results,
        "inference, dense model (images/s)",
        PipelineResult::inferenceDense,
        11,
        "%,.0f");
    row(
        md,
        results,
        "inference, pruned model (images/s)",
        PipelineResult::inferenceAfter,
        12,
        "%,.0f");
    row(
        md,
        results,
        "pruning threshold (ms, median of 20)",
        PipelineResult::thresholdMillis,
        13,
        "%.2f");
    return md.toString();
  }

  private static void row(
      StringBuilder md,
      List<PipelineResult> results,
      String label,
      ToDoubleFunction<PipelineResult> ours,
      int column,
      String format) {
    md.append("| ").append(label).append(" |");
    for (int i = 0; i < results.size(); i++) {
      PipelineResult r = results.get(i);
      md.append(' ').append(format(format, ours.applyAsDouble(r))).append(" | ");
      md.append(column < 0 ? "" : format(format, reference(r.name(), column))).append(" |");
    }
    md.append('\n');
  }

  private static double reference(String pipeline, int column) {
    int row = pipeline.startsWith("MLP") ? 0 : pipeline.contains("filters") ? 2 : 1;
    return PYTORCH[row][column];
  }

  private static String format(String format, double value) {
    return Double.isNaN(value) ? "—" : String.format(Locale.ROOT, format, value);
  }

  private static double pct(double fraction) {
    return 100 * fraction;
  }

  private static double mib(long parameters) {
    return parameters * 32 / 8.0 / 1024 / 1024;
  }
}
