package org.pruninglab.cli;

import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import org.pruninglab.labkit.bench.LabBenchmarks;

/**
 * {@code java -jar pruning-lab.jar bench}: times a training step of each model and a kthvalue
 * threshold on 10⁷ elements, and prints a table (median, min, max of repeated runs).
 */
public final class BenchCommand {

  private BenchCommand() {}

  public static int run(List<String> args) {
    String problem = Options.problem(args, Set.of("--quick"), Set.of());
    if (problem != null) {
      System.err.println("bench: " + problem);
      return 2;
    }
    int reps = args.contains("--quick") ? 3 : 20;
    System.out.printf(Locale.ROOT, "| benchmark | median (ms) | min (ms) | max (ms) | runs |%n");
    System.out.printf(Locale.ROOT, "|---|---:|---:|---:|---:|%n");
    for (LabBenchmarks.Timing t : LabBenchmarks.all(reps, new Random(0))) {
      System.out.printf(
          Locale.ROOT,
          "| %s | %.2f | %.2f | %.2f | %d |%n",
          t.name(),
          t.medianMillis(),
          t.minMillis(),
          t.maxMillis(),
          t.runs());
    }
    return 0;
  }
}
