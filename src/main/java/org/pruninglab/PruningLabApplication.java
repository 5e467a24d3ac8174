package org.pruninglab;

import java.util.List;
import java.util.Map;
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

  /** A command of the jar: its arguments in, its exit status out. */
  private interface Command {
    int run(List<String> args) throws Exception;
  }

  private static final Map<String, Command> COMMANDS =
      Map.of(
          "reproduce", ReproduceCommand::run,
          "pictures", PicturesCommand::run,
          "bench", BenchCommand::run,
          "grade", GradeCommand::run,
          "validate", ValidateCommand::run);

  /**
   * Starts the web application, or runs a command: {@code reproduce}, {@code pictures}, {@code
   * bench}, {@code grade} or {@code validate}.
   */
  public static void main(String[] args) throws Exception {
    Command command = args.length > 0 ? COMMANDS.get(args[0]) : null;
    if (command != null) {
      // Before any logger exists: commands log warnings to standard error only.
      System.setProperty("logback.configurationFile", "logback-cli.xml");
      System.exit(command.run(List.of(args).subList(1, args.length)));
    }
    SpringApplication.run(PruningLabApplication.class, args);
  }
}
