package org.pruninglab.grading.harness;

import java.util.List;

/**
 * The names of the metrics and pictures a test records with {@link PruningResults}, and what each
 * means: the contract between a pack's tests and the pages that show results (the pictures panel,
 * the gradebook, the analytics). A test may record other names too; they are stored and listed, but
 * only these are drawn, ranked or summed.
 */
public final class ResultNames {

  /** How a metric's value is to be read. */
  public enum Unit {
    /** A fraction from 0 to 1 (shown as a percentage). */
    FRACTION,
    /** A whole number of things (parameters, multiply-accumulates). */
    COUNT,
    /** A size in bits. */
    BITS,
    /** Text: the device the model ran on, as DJL names it ({@code cpu()}, {@code gpu(0)}). */
    DEVICE,
    /** A time in milliseconds (an inference latency). */
    MILLISECONDS,
    /** Any other number (seconds, a loss), shown with four significant digits. */
    NUMBER
  }

  /** A metric's name, what the results table calls it, and its unit. */
  public record Metric(String name, String label, Unit unit) {}

  /** Fraction of the prunable weights (conv and linear weights) that are zero. */
  public static final String SPARSITY = "sparsity";

  /** Fraction of all parameters (biases and BatchNorm included) that are zero. */
  public static final String SPARSITY_ALL = "sparsity.all";

  /** Parameters of the model after pruning (a count; filter pruning makes it smaller). */
  public static final String PARAMETERS = "parameters";

  /** Parameters of the dense model before pruning (a count). */
  public static final String PARAMETERS_BEFORE = "parameters.before";

  /** Nonzero parameters after pruning (a count). */
  public static final String PARAMETERS_NONZERO = "parameters.nonzero";

  /** Size of every parameter stored densely (bits, 32 a float). */
  public static final String SIZE_BITS = "size.bits";

  /** Size of the nonzero parameters alone (bits, 32 a float). */
  public static final String SIZE_NONZERO_BITS = "size.nonzero.bits";

  /** Multiply-accumulates of one forward pass of one image after pruning (a count). */
  public static final String MACS = "macs";

  /** Multiply-accumulates of one forward pass of one image before pruning (a count). */
  public static final String MACS_BEFORE = "macs.before";

  /** Test accuracy of the dense model (a fraction). */
  public static final String ACCURACY_DENSE = "accuracy.dense";

  /** Test accuracy right after pruning, before any fine-tuning (a fraction). */
  public static final String ACCURACY_PRUNED = "accuracy.pruned";

  /** Test accuracy after pruning and fine-tuning (a fraction). */
  public static final String ACCURACY_FINETUNED = "accuracy.finetuned";

  /**
   * Test accuracy of the same model pruned without structure to the same sparsity (the baseline a
   * structured pattern is compared with), before fine-tuning.
   */
  public static final String ACCURACY_UNSTRUCTURED_PRUNED = "accuracy.unstructured.pruned";

  /** As {@link #ACCURACY_UNSTRUCTURED_PRUNED}, after the same fine-tune. */
  public static final String ACCURACY_UNSTRUCTURED_FINETUNED = "accuracy.unstructured.finetuned";

  /**
   * Test accuracy after the same fine-tune as {@link #ACCURACY_FINETUNED} without the teacher
   * (distillation: the baseline the teacher is compared with).
   */
  public static final String ACCURACY_FINETUNED_WITHOUT_TEACHER =
      "accuracy.finetuned.without-teacher";

  /**
   * Test accuracy of the lottery ticket's control: a random re-initialisation with the ticket's
   * masks, retrained the same way (a fraction).
   */
  public static final String ACCURACY_RANDOM_REINIT = "accuracy.random-reinit";

  /**
   * Inference time of one batch of the test images through the dense model, in milliseconds (the
   * median of timed passes; recorded, never graded: timings are noisy).
   */
  public static final String LATENCY_DENSE = "latency.dense";

  /**
   * As {@link #LATENCY_DENSE}, through the dense model with as many weights zeroed without
   * structure as the pruning removed: the same shapes, so dense kernels do the same work.
   */
  public static final String LATENCY_UNSTRUCTURED = "latency.unstructured";

  /** As {@link #LATENCY_DENSE}, through the pruned (smaller) model. */
  public static final String LATENCY_PRUNED = "latency.pruned";

  /** The device the model ran on (text, recorded with {@code record(String, String)}). */
  public static final String DEVICE = "device";

  /**
   * The device the sandbox's engine ran on ({@code cpu()}, {@code gpu(0)}): recorded by the sandbox
   * for every grading, not by the tests.
   */
  public static final String ENGINE_DEVICE = "engine.device";

  /** The metrics the results table shows, in its order, with labels and units. */
  public static final List<Metric> METRICS =
      List.of(
          new Metric(SPARSITY, "sparsity (prunable weights)", Unit.FRACTION),
          new Metric(SPARSITY_ALL, "sparsity (all parameters)", Unit.FRACTION),
          new Metric(PARAMETERS_BEFORE, "parameters before pruning", Unit.COUNT),
          new Metric(PARAMETERS, "parameters", Unit.COUNT),
          new Metric(PARAMETERS_NONZERO, "nonzero parameters", Unit.COUNT),
          new Metric(SIZE_BITS, "dense size", Unit.BITS),
          new Metric(SIZE_NONZERO_BITS, "size of nonzero weights", Unit.BITS),
          new Metric(MACS_BEFORE, "MACs before pruning", Unit.COUNT),
          new Metric(MACS, "MACs", Unit.COUNT),
          new Metric(ACCURACY_DENSE, "accuracy dense", Unit.FRACTION),
          new Metric(ACCURACY_PRUNED, "accuracy pruned", Unit.FRACTION),
          new Metric(ACCURACY_FINETUNED, "accuracy fine-tuned", Unit.FRACTION),
          new Metric(
              ACCURACY_UNSTRUCTURED_PRUNED,
              "accuracy pruned, unstructured to the same sparsity",
              Unit.FRACTION),
          new Metric(
              ACCURACY_UNSTRUCTURED_FINETUNED,
              "accuracy fine-tuned, unstructured to the same sparsity",
              Unit.FRACTION),
          new Metric(
              ACCURACY_FINETUNED_WITHOUT_TEACHER,
              "accuracy fine-tuned the same way without the teacher",
              Unit.FRACTION),
          new Metric(
              ACCURACY_RANDOM_REINIT,
              "accuracy of a random re-initialisation with the same masks",
              Unit.FRACTION),
          new Metric(LATENCY_DENSE, "inference time, dense", Unit.MILLISECONDS),
          new Metric(
              LATENCY_UNSTRUCTURED,
              "inference time, dense shapes with as many zeros",
              Unit.MILLISECONDS),
          new Metric(LATENCY_PRUNED, "inference time, pruned", Unit.MILLISECONDS),
          new Metric(DEVICE, "device", Unit.DEVICE),
          new Metric(ENGINE_DEVICE, "grading engine's device", Unit.DEVICE));

  /**
   * Suffix of a layer's weight histogram before pruning ({@code fc1.weight.before}, a {@code
   * Histogram}); drawn beside the same layer's {@link #AFTER} when both exist.
   */
  public static final String BEFORE = ".before";

  /** Suffix of a layer's weight histogram after pruning ({@code fc1.weight.after}). */
  public static final String AFTER = ".after";

  /** Suffix of a layer's mask after pruning ({@code fc1.weight.mask}, a {@code MaskBitmap}). */
  public static final String MASK = ".mask";

  /** The first convolution's kernels before pruning ({@code KernelMaps}). */
  public static final String KERNELS_BEFORE = "conv1.weight.kernels.before";

  /** The first convolution's kernels after pruning ({@code KernelMaps}). */
  public static final String KERNELS_AFTER = "conv1.weight.kernels.after";

  /**
   * Test accuracy against sparsity of the student's pruning without fine-tuning (a {@code
   * SparsityCurve}, both axes fractions); the page draws the student's latest runs together.
   */
  public static final String ACCURACY_VS_SPARSITY = "accuracy-vs-sparsity";

  // --- exercise iterative (iterative magnitude pruning): per-round results -------------------

  /**
   * A per-round metric of an iterative pruning run: {@code <metric>.round.<r>}, e.g. {@code
   * accuracy.finetuned.round.2}, with {@code r} from 1 and {@code metric} one of this class's
   * names; its unit is that metric's ({@link #SPARSITY}, {@link #ACCURACY_PRUNED} and {@link
   * #ACCURACY_FINETUNED}: fractions, which {@link #describe} shows as percentages).
   */
  public static String round(int round, String metric) {
    if (round < 1) {
      throw new IllegalArgumentException("rounds count from 1, was " + round);
    }
    return metric + ROUND + round;
  }

  private static final String ROUND = ".round.";

  /**
   * The per-round chart of an iterative pruning run (a {@code LineChart}: x = round, 0 = dense; y =
   * fraction; series sparsity, accuracy after pruning, accuracy after fine-tuning).
   */
  public static final String ITERATIVE_ROUNDS = "iterative-rounds";

  // --- end of exercise iterative --------------------------------------------------------------

  // --- exercise gradual (gradual pruning during training) ------------------------------------

  /**
   * The schedule chart of a gradual pruning run (a {@code LineChart}: x = optimiser step, 0 =
   * before training; y = fraction; series target sparsity s(t), achieved sparsity, test accuracy).
   */
  public static final String GRADUAL_SCHEDULE = "gradual-schedule";

  // --- end of exercise gradual ----------------------------------------------------------------

  /**
   * The lottery ticket's retraining chart (a {@code LineChart}: x = retraining step, y = test
   * accuracy; series the ticket and the random re-initialisation, a line at the dense accuracy).
   */
  public static final String TICKET_RETRAINING = "ticket-retraining";

  private ResultNames() {}

  /**
   * Whether a larger value of metric {@code name} is the better result: sparsity and accuracy are;
   * size, MACs, parameter counts and latencies are not (fewer is better). Any other name counts as
   * larger-is-better.
   */
  public static boolean higherIsBetter(String name) {
    return !(name.startsWith("size")
        || name.startsWith("macs")
        || name.startsWith("parameters")
        || name.startsWith("latency"));
  }

  /**
   * How the results table shows {@code name}: a listed metric by its label and unit; the names this
   * class builds ({@link #chosenSparsity}, {@link #round}) in words; any other name as it is, a
   * fraction when it starts with {@code sparsity} or {@code accuracy}, a size in bits when it
   * starts with {@code size}, else a plain number.
   */
  public static Metric describe(String name) {
    for (Metric m : METRICS) {
      if (m.name().equals(name)) {
        return m;
      }
    }
    if (name.startsWith(CHOSEN_SPARSITY) && name.length() > CHOSEN_SPARSITY.length()) {
      return new Metric(
          name, "chosen sparsity, " + name.substring(CHOSEN_SPARSITY.length()), Unit.FRACTION);
    }
    int round = name.lastIndexOf(ROUND);
    if (round > 0 && name.substring(round + ROUND.length()).matches("[1-9][0-9]*")) {
      Metric of = describe(name.substring(0, round));
      return new Metric(
          name, of.label() + ", round " + name.substring(round + ROUND.length()), of.unit());
    }
    Unit unit =
        name.startsWith("sparsity") || name.startsWith("accuracy")
            ? Unit.FRACTION
            : name.startsWith("size") ? Unit.BITS : Unit.NUMBER;
    return new Metric(name, name, unit);
  }

  /**
   * The histogram of {@code layer} (a parameter name such as {@code fc1.weight}) before pruning.
   */
  public static String before(String layer) {
    return layer + BEFORE;
  }

  /** The histogram of {@code layer} after pruning. */
  public static String after(String layer) {
    return layer + AFTER;
  }

  /** The mask of {@code layer} after pruning. */
  public static String mask(String layer) {
    return layer + MASK;
  }

  // sensitivity (exercise 4, the per-layer sensitivity scan): what the scan chose, and its curves.

  /**
   * Prefix of the sparsity the sensitivity scan chose for a layer ({@code
   * sparsity.chosen.fc1.weight}, a fraction; 0 when no grid sparsity kept the accuracy).
   */
  public static final String CHOSEN_SPARSITY = "sparsity.chosen.";

  /**
   * Suffix of a layer's sensitivity curve ({@code fc1.weight.sensitivity}, a {@code LineChart}:
   * accuracy against that layer's sparsity with only it pruned, the dense accuracy as a line).
   */
  public static final String SENSITIVITY = ".sensitivity";

  /** The sparsity chosen for {@code layer} (a fraction), {@code sparsity.chosen.<layer>}. */
  public static String chosenSparsity(String layer) {
    return CHOSEN_SPARSITY + layer;
  }

  /** The sensitivity curve of {@code layer}, {@code <layer>.sensitivity}. */
  public static String sensitivity(String layer) {
    return layer + SENSITIVITY;
  }
}
