package org.pruninglab;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.pruninglab.cli.BenchCommand;
import org.pruninglab.cli.GradeCommand;
import org.pruninglab.cli.PicturesCommand;
import org.pruninglab.cli.ReproduceCommand;
import org.pruninglab.cli.ValidateCommand;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.TypeExcludeFilter;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.ApplicationListener;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.core.type.classreading.MetadataReader;
import org.springframework.core.type.classreading.MetadataReaderFactory;

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
   * Starts the web application, a grading worker ({@code worker}), or runs a command: {@code
   * reproduce}, {@code pictures}, {@code bench}, {@code grade} or {@code validate}.
   */
  public static void main(String[] args) throws Exception {
    if (args.length > 0 && args[0].equals("worker")) {
      runWorker(List.of(args).subList(1, args.length).toArray(String[]::new));
      return;
    }
    Command command = args.length > 0 ? COMMANDS.get(args[0]) : null;
    if (command != null) {
      // Before any logger exists: commands log warnings to standard error only.
      System.setProperty("logback.configurationFile", "logback-cli.xml");
      System.exit(command.run(List.of(args).subList(1, args.length)));
    }
    SpringApplication.run(PruningLabApplication.class, args);
  }

  /**
   * A grading worker: the same application without the web server, the pages or the deadline
   * autograder; it takes jobs from the shared database until it is stopped.
   */
  static void runWorker(String[] args) throws InterruptedException {
    var closed = new CountDownLatch(1);
    var context =
        withoutPages()
            .properties(Map.of("lab.grading.role", "worker", "lab.deadlines.autograde", "false"))
            .listeners((ApplicationListener<ContextClosedEvent>) event -> closed.countDown())
            .run(args);
    if (context.isActive()) {
      closed.await();
    }
  }

  /**
   * The application without a web server and without the pages' classes (every {@code ….ui}
   * package): services, database and grading queue only.
   */
  static SpringApplicationBuilder withoutPages() {
    return new SpringApplicationBuilder(PruningLabApplication.class)
        .web(WebApplicationType.NONE)
        // Vaadin's start-up needs a servlet context, which this process does not have.
        .properties(
            Map.of(
                "spring.autoconfigure.exclude",
                "com.vaadin.flow.spring.SpringBootAutoConfiguration,"
                    + "com.vaadin.flow.spring.SpringSecurityAutoConfiguration"))
        .initializers(
            starting ->
                starting.getBeanFactory().registerSingleton("withoutPages", new SkipPages()));
  }

  /** Leaves the pages' classes out of component scanning. */
  static final class SkipPages extends TypeExcludeFilter {
    @Override
    public boolean match(MetadataReader reader, MetadataReaderFactory factory) {
      return reader.getClassMetadata().getClassName().matches("org\\.pruninglab\\..*\\.ui\\..*");
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof SkipPages;
    }

    @Override
    public int hashCode() {
      return SkipPages.class.hashCode();
    }
  }
}
