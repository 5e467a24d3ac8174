package org.pruninglab.exercise;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * An exercise's {@code exercise.json}.
 *
 * @param id folder name, lower case with dashes
 * @param title what students see
 * @param order position in the course
 * @param points the sum of the points of all tests (checked when the pack loads)
 * @param deadline the default deadline (an instructor may move it per course)
 * @param packageName the package of the student's classes ("lab")
 * @param file the file students edit, e.g. {@code KthvaluePruning.java}
 * @param wallSeconds limit of one grading run
 * @param perTestSeconds limit of one test
 * @param heapMegabytes heap of the sandbox JVM
 * @param allowedApis packages or classes allowed beyond the base list
 * @param device {@code cpu} (the default) or {@code gpu-preferred}: the job takes a GPU slot when
 *     its worker has one free
 * @param cpuFallback a GPU-preferring job runs on the CPU when no GPU slot frees up within the
 *     worker's wait limit (default true; false makes it wait for a slot on a GPU worker)
 * @param fixtures names of the trusted fixtures the tests read (built before they run), from the
 *     lab kit's {@code FixtureBuilders}; none by default
 * @param tradeOff the two metrics the class's pruning results are compared by on the analytics page
 *     (a scatter with its Pareto front); sparsity against fine-tuned accuracy by default
 */
public record ExerciseMetadata(
    String id,
    String title,
    int order,
    double points,
    OffsetDateTime deadline,
    String packageName,
    String file,
    int wallSeconds,
    int perTestSeconds,
    int heapMegabytes,
    List<String> allowedApis,
    String device,
    Boolean cpuFallback,
    List<String> fixtures,
    TradeOff tradeOff,
    String teaches) {

  /**
   * Two metric names ({@code ResultNames}) a pruning result is judged by, e.g. size of the nonzero
   * weights against accuracy after fine-tuning. Which way is better follows from each name ({@code
   * ResultNames.higherIsBetter}).
   */
  public record TradeOff(String x, String y) {
    /** Sparsity against accuracy (fine-tuned, else right after pruning). */
    public static final TradeOff DEFAULT = new TradeOff("sparsity", "accuracy.finetuned");
  }

  /** The device value of an exercise that asks for a GPU. */
  public static final String GPU_PREFERRED = "gpu-preferred";

  public ExerciseMetadata {
    allowedApis = allowedApis == null ? List.of() : List.copyOf(allowedApis);
    device = device == null ? "cpu" : device;
    cpuFallback = cpuFallback == null || cpuFallback;
    fixtures = fixtures == null ? List.of() : List.copyOf(fixtures);
    tradeOff = tradeOff == null ? TradeOff.DEFAULT : tradeOff;
    teaches = teaches == null ? "" : teaches.strip();
  }

  /** The longest {@code teaches} line the exercises page shows in full. */
  public static final int TEACHES_MAX = 120;

  /** True when the exercise asks for a GPU slot. */
  public boolean gpuPreferred() {
    return GPU_PREFERRED.equals(device);
  }

  /** The fully qualified name of the student's public class. */
  public String studentClass() {
    String simple = file.substring(0, file.length() - ".java".length());
    return packageName.isEmpty() ? simple : packageName + "." + simple;
  }

  /** The student's file as a source path, {@code lab/KthvaluePruning.java}. */
  public String sourcePath() {
    return packageName.isEmpty() ? file : packageName.replace('.', '/') + "/" + file;
  }
}
