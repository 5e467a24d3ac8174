package org.pruninglab.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.pruninglab.exercise.Exercise;
import org.pruninglab.exercise.GradingPack;
import org.pruninglab.grading.EngineSettings;
import org.pruninglab.grading.GradingEngine;
import org.pruninglab.grading.GradingResult;

/**
 * {@code java -jar pruning-lab.jar grade --exercise ID --file Solution.java [--hidden]}: grades one
 * file through the real pipeline and prints the result as JSON — the object the app stores. Exit
 * status 0 for a graded run whatever the verdict; 1 when it could not be graded; 2 for bad usage.
 */
public final class GradeCommand {

  static final ObjectMapper JSON =
      new ObjectMapper()
          .registerModule(new JavaTimeModule())
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
          .enable(SerializationFeature.INDENT_OUTPUT);

  private GradeCommand() {}

  public static int run(List<String> args) throws IOException {
    String problem = Options.problem(args, Set.of("--hidden"), Set.of("--exercise", "--file"));
    String exercise = Options.value(args, "--exercise", null);
    String file = Options.value(args, "--file", null);
    if (problem == null && (exercise == null || file == null)) {
      problem = "--exercise ID and --file PATH are both needed";
    }
    if (problem != null) {
      System.err.println("grade: " + problem);
      return 2;
    }
    byte[] source;
    try {
      source = Files.readAllBytes(Path.of(file));
    } catch (NoSuchFileException e) {
      System.err.println("grade: there is no file " + file);
      return 2;
    }
    GradingEngine engine = GradingEngine.start(EngineSettings.fromSystemProperties());
    GradingPack pack = engine.exercises().gradingPack(exercise).orElse(null);
    if (pack == null) {
      String broken = engine.exercises().problems().get(exercise);
      System.err.println(
          "grade: "
              + (broken != null
                  ? "the exercise " + exercise + " is broken: " + broken
                  : "there is no exercise "
                      + exercise
                      + "; there are "
                      + engine.exercises().all().stream()
                          .map(Exercise::id)
                          .collect(Collectors.joining(", "))));
      return 1;
    }
    if (engine.refusal() != null) {
      System.err.println("grade: " + engine.refusal());
      return 1;
    }
    GradingResult result = engine.grader().grade(pack, source, args.contains("--hidden"));
    System.out.println(JSON.writeValueAsString(result));
    return 0;
  }
}
