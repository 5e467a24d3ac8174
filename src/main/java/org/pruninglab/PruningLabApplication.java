package org.pruninglab;

import java.util.List;
import org.pruninglab.cli.BenchCommand;
import org.pruninglab.cli.GradeCommand;
import org.pruninglab.cli.PicturesCommand;
import org.pruninglab.cli.ReproduceCommand;
import org.pruninglab.cli.ValidateCommand;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Starts the Pruning Lab web application. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class PruningLabApplication {

  private static final java.util.Set<String> COMMANDS =
      java.util.Set.of("reproduce", "pictures", "bench", "grade", "validate");

  /**
   * Starts the web application, or runs a command: {@code reproduce}, {@code pictures} or {@code
   * bench}.
   */
  public static void main(String[] args) throws Exception {
    if (args.length > 0 && COMMANDS.contains(args[0])) {
      // Before any logger exists: commands log warnings to standard error only.
      System.setProperty("logback.configurationFile", "logback-cli.xml");
    }
    if (args.length > 0 && args[0].equals("reproduce")) {
      System.exit(ReproduceCommand.run(List.of(args).subList(1, args.length)));
    }
    if (args.length > 0 && args[0].equals("pictures")) {
      System.exit(PicturesCommand.run(List.of(args).subList(1, args.length)));
    }
    if (args.length > 0 && args[0].equals("grade")) {
      System.exit(GradeCommand.run(List.of(args).subList(1, args.length)));
    }
    if (args.length > 0 && args[0].equals("validate")) {
      System.exit(ValidateCommand.run(List.of(args).subList(1, args.length)));
    }
    if (args.length > 0 && args[0].equals("bench")) {
      System.exit(BenchCommand.run(List.of(args).subList(1, args.length)));
    }
    SpringApplication.run(PruningLabApplication.class, args);
  }
}
