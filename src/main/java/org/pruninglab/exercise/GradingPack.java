package org.pruninglab.exercise;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * What only grading may see of an exercise: its hidden tests, reference solution and known-wrong
 * variants, and its tests compiled once, when the pack loaded, against the reference.
 *
 * @param exercise what students see
 * @param supportSources helper classes the public and hidden tests share, by source path
 * @param hiddenTests hidden test sources by source path
 * @param practiceClasses the public tests and helpers, compiled (relative path → bytes)
 * @param hiddenClasses the hidden tests, compiled against the reference and the practice classes
 * @param referenceApi what the tests see of the reference's classes ({@code ApiDescription}): a
 *     submission with the same API gets these class files instead of compiling the tests again
 * @param testTypeNames simple names of the types the tests refer to outside the exercise's package,
 *     which student classes may not take
 */
public record GradingPack(
    Exercise exercise,
    Map<String, String> supportSources,
    Map<String, String> hiddenTests,
    String reference,
    List<KnownWrongVariant> wrongVariants,
    Map<String, byte[]> practiceClasses,
    Map<String, byte[]> hiddenClasses,
    String referenceApi,
    Set<String> testTypeNames) {

  public GradingPack {
    // Sources keep their folder's (sorted) order: tests are compiled and listed in it.
    supportSources = Collections.unmodifiableMap(new LinkedHashMap<>(supportSources));
    hiddenTests = Collections.unmodifiableMap(new LinkedHashMap<>(hiddenTests));
    wrongVariants = List.copyOf(wrongVariants);
    practiceClasses = Map.copyOf(practiceClasses);
    hiddenClasses = Map.copyOf(hiddenClasses);
    testTypeNames = Set.copyOf(testTypeNames);
  }

  public String id() {
    return exercise.id();
  }

  public ExerciseMetadata metadata() {
    return exercise.metadata();
  }

  public String starter() {
    return exercise.starter();
  }

  public Map<String, String> publicTests() {
    return exercise.publicTests();
  }

  public List<PlannedTest> plan(boolean includeHidden) {
    return exercise.plan(includeHidden);
  }

  public double maxPoints(boolean includeHidden) {
    return exercise.maxPoints(includeHidden);
  }

  /** SHA-256 (hex) of every file of the pack: metadata, statement, starter, tests, helpers, … */
  public String contentHash() {
    return exercise.contentHash();
  }

  /** The test and helper sources a run compiles (public and helpers; hidden too if asked). */
  public Map<String, String> testSources(boolean includeHidden) {
    Map<String, String> all = new LinkedHashMap<>(exercise.publicTests());
    all.putAll(supportSources);
    if (includeHidden) {
      all.putAll(hiddenTests);
    }
    return all;
  }

  /**
   * Fully qualified names students may not declare: the test classes and the shared helpers, whose
   * place a same-named student class would otherwise take.
   */
  public Set<String> reservedClassNames() {
    Set<String> names = new TreeSet<>(exercise.testClasses(true));
    supportSources.keySet().stream()
        .map(p -> p.substring(0, p.length() - ".java".length()).replace('/', '.'))
        .forEach(names::add);
    return names;
  }

  /** Writes the compiled tests a run needs (hidden ones only if asked) under {@code folder}. */
  public void writeTestClasses(Path folder, boolean includeHidden) {
    write(folder, practiceClasses);
    if (includeHidden) {
      write(folder, hiddenClasses);
    }
  }

  private static void write(Path folder, Map<String, byte[]> classes) {
    try {
      for (Map.Entry<String, byte[]> e : classes.entrySet()) {
        Path file = folder.resolve(e.getKey());
        Files.createDirectories(file.getParent());
        Files.write(file, e.getValue());
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the tests into " + folder, e);
    }
  }
}
