package org.pruninglab.grading.harness;

/**
 * What a test calls to record a pruning result ({@code accuracy.pruned}, {@code sparsity}, …)
 * against itself. Outside the harness (a test run from the IDE) the values are ignored. Student
 * code may not call this class: the policy check allows no {@code org.pruninglab.grading} type.
 */
public final class PruningResults {

  private static volatile MetricSink sink = (name, value) -> {};

  private PruningResults() {}

  public static void record(String name, double value) {
    if (name == null || name.isBlank() || name.length() > 64) {
      throw new IllegalArgumentException("a metric needs a name of 1 to 64 characters");
    }
    sink.accept(name, value);
  }

  public static void record(String name, String value) {
    sink.acceptText(name, value);
  }

  static void install(MetricSink newSink) {
    sink = newSink;
  }

  /** Where the harness sends recorded values. */
  interface MetricSink {
    void accept(String name, double value);

    default void acceptText(String name, String value) {}
  }
}
