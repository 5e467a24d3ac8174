package org.pruninglab.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.pruninglab.labkit.model.ModelKind;
import org.pruninglab.labkit.repro.GradualReproduction;
import org.pruninglab.labkit.repro.IterativeReproduction;
import org.pruninglab.labkit.repro.PipelineResult;
import org.pruninglab.labkit.repro.Reproduction;
import org.pruninglab.labkit.repro.ReproductionReport;
import org.pruninglab.labkit.repro.ReproductionSettings;
import org.pruninglab.labkit.repro.SensitivityReproduction;
import org.pruninglab.labkit.repro.TwoFourReproduction;

/**
 * {@code java -jar pruning-lab.jar reproduce [--smoke] [--fresh] [--only
 * mlp|cnn|filter|sensitivity|iterative|gradual|two-four] [--model mlp|cnn] [--checkpoints DIR]
 * [--out FILE]}: runs the seeds' pipelines and prints the table.
 */
public final class ReproduceCommand {

  private ReproduceCommand() {}

  public static int run(List<String> args) throws IOException {
    String problem =
        Options.problem(
            args,
            Set.of("--smoke", "--fresh"),
            Set.of("--checkpoints", "--only", "--out", "--model"));
    if (problem != null) {
      System.err.println("reproduce: " + problem);
      return 2;
    }
    boolean smoke = args.contains("--smoke");
    boolean fresh = args.contains("--fresh");
    Path checkpoints = Path.of(Options.value(args, "--checkpoints", "data/checkpoints"));
    String only = Options.value(args, "--only", "all");
    String out = Options.value(args, "--out", null);
    String model = Options.value(args, "--model", "mlp");
    if (!model.equals("mlp") && !model.equals("cnn")) {
      System.err.println("reproduce: --model takes mlp or cnn, not '" + model + "'");
      return 2;
    }
    if (args.contains("--model") && !only.equals("iterative")) {
      System.err.println("reproduce: --model is an option of --only iterative");
      return 2;
    }
    ReproductionSettings settings =
        smoke
            ? ReproductionSettings.smoke(checkpoints)
            : ReproductionSettings.full(checkpoints, fresh);
    if (only.equals("sensitivity")) {
      String table =
          SensitivityReproduction.markdown(
              new SensitivityReproduction(settings, System.out::println).run());
      System.out.println();
      System.out.println(table);
      if (out != null) {
        Files.writeString(Path.of(out), table);
      }
      return 0;
    }
    Reproduction reproduction = new Reproduction(settings, System.out::println);
    if (only.equals("iterative") || only.equals("gradual") || only.equals("two-four")) {
      String table =
          only.equals("two-four")
              ? TwoFourReproduction.markdown(
                  new TwoFourReproduction(reproduction, settings, System.out::println).compare())
              : only.equals("iterative")
                  ? IterativeReproduction.markdown(
                      new IterativeReproduction(
                              reproduction,
                              settings,
                              System.out::println,
                              model.equals("cnn") ? ModelKind.CNN : ModelKind.MLP)
                          .compare())
                  : GradualReproduction.markdown(
                      new GradualReproduction(reproduction, settings, System.out::println)
                          .compare());
      System.out.println();
      System.out.println(table);
      if (out != null) {
        Files.writeString(Path.of(out), table);
      }
      return 0;
    }
    List<PipelineResult> results = new ArrayList<>();
    if (only.equals("all") || only.equals("mlp")) {
      results.add(reproduction.mlp());
    }
    if (only.equals("all") || only.equals("cnn")) {
      results.add(reproduction.cnn());
    }
    if (only.equals("all") || only.equals("filter")) {
      results.add(reproduction.filterPruning());
    }
    if (results.isEmpty()) {
      System.err.println(
          "--only takes mlp, cnn, filter, sensitivity, iterative, gradual or two-four");
      return 2;
    }
    String table = ReproductionReport.markdown(results);
    System.out.println();
    System.out.println(table);
    if (out != null) {
      Files.writeString(Path.of(out), table);
    }
    return 0;
  }
}
