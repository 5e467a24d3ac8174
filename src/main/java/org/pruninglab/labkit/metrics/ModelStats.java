package org.pruninglab.labkit.metrics;

import java.util.List;

/** Counts over all trainable parameters of a model, per tensor and in total. */
public record ModelStats(List<ParameterStats> parameters) {

  /** 32-bit floats, the default data width. */
  public static final int FP32 = 32;

  public ModelStats {
    parameters = List.copyOf(parameters);
  }

  public long parameterCount() {
    return parameters.stream().mapToLong(ParameterStats::count).sum();
  }

  public long nonzeroCount() {
    return parameters.stream().mapToLong(ParameterStats::nonzero).sum();
  }

  /** Sparsity over all parameters, biases included (seed 001's get_model_sparsity). */
  public double sparsity() {
    long count = parameterCount();
    return count == 0 ? 0 : 1.0 - (double) nonzeroCount() / count;
  }

  /** Sparsity over the prunable weights only (seed 000's count_sparsity). */
  public double prunableSparsity() {
    long count = 0;
    long nonzero = 0;
    for (ParameterStats p : parameters) {
      if (p.prunable()) {
        count += p.count();
        nonzero += p.nonzero();
      }
    }
    return count == 0 ? 0 : 1.0 - (double) nonzero / count;
  }

  /** Model size in bits for a data width: every parameter stored densely. */
  public long sizeBits(int dataWidth) {
    return parameterCount() * dataWidth;
  }

  /** Model size in bits counting nonzero parameters only (index storage not included). */
  public long nonzeroSizeBits(int dataWidth) {
    return nonzeroCount() * dataWidth;
  }
}
