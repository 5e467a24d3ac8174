package org.pruninglab.cli;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.pruninglab.exercise.GradingPack;
import org.pruninglab.grading.EngineSettings;
import org.pruninglab.grading.GradingEngine;
import org.pruninglab.grading.PackValidator;

/**
 * {@code java -jar pruning-lab.jar validate}: loads every pack and checks each through the real
 * pipeline. Exit status 0 when every pack loads and every check holds, else 1.
 */
public final class ValidateCommand {

  private ValidateCommand() {}

  public static int run(List<String> args) {
    String problem = Options.problem(args, Set.of(), Set.of());
    if (problem != null) {
      System.err.println("validate: " + problem);
      return 2;
    }
    GradingEngine engine = GradingEngine.start(EngineSettings.fromSystemProperties());
    int bad = 0;
    for (Map.Entry<String, String> broken : engine.exercises().problems().entrySet()) {
      System.out.println("BROKEN  " + broken.getKey() + ": " + broken.getValue());
      bad++;
    }
    if (engine.refusal() != null) {
      System.out.println("REFUSED " + engine.refusal());
      return 1;
    }
    try (PackValidator validator = new PackValidator(engine.grader())) {
      for (GradingPack pack : engine.exercises().gradingPacks()) {
        for (PackValidator.Check c : validator.validate(pack)) {
          System.out.println(
              (c.ok() ? "ok      " : "FAILED  ")
                  + c.pack()
                  + ": "
                  + c.what()
                  + (c.ok() ? "" : " — " + c.problem()));
          bad += c.ok() ? 0 : 1;
        }
      }
    }
    System.out.println(bad == 0 ? "all packs are valid" : bad + " problem(s)");
    return bad == 0 ? 0 : 1;
  }
}
