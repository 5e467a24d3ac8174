package org.pruninglab.grading;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.pruninglab.exercise.ExercisePack;

/**
 * A pack's tests compiled once against its reference solution, for every submission whose classes
 * show the tests exactly what the reference shows ({@link ApiDescription}): javac would produce the
 * same test classes for it, so they are copied instead of compiled — by far the larger part of the
 * compiling a grading does. Any other submission gets its tests compiled against its own classes as
 * before (and, where they do not fit, the message saying what is missing).
 */
final class PrecompiledTests {

  /** Test classes (relative path → bytes) and the API they were compiled against. */
  record Compiled(String api, Map<String, byte[]> classes) {

    /** Writes the class files under {@code folder}. */
    void writeTo(Path folder) {
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

  /** What was compiled for one loaded pack (a reload makes a new pack object). */
  private record Entry(ExercisePack pack, Compiled compiled) {}

  private final SourceCompiler compiler;
  private final Path scratch;
  private final Map<String, Entry> byPack = new ConcurrentHashMap<>();

  PrecompiledTests(SourceCompiler compiler, Path scratch) {
    this.compiler = compiler;
    this.scratch = scratch;
  }

  /**
   * The tests of {@code pack} (hidden ones too if {@code includeHidden}) compiled against its
   * reference, or null when they cannot be (then every grading compiles them itself).
   */
  Compiled of(ExercisePack pack, Map<String, String> testSources, boolean includeHidden) {
    String key = pack.id() + (includeHidden ? "+hidden" : "");
    Entry entry = byPack.get(key);
    if (entry == null || entry.pack() != pack) {
      // Two jobs of a just-loaded pack may both compile: the same result, stored twice.
      entry = new Entry(pack, compile(pack, testSources));
      byPack.put(key, entry);
    }
    return entry.compiled();
  }

  private Compiled compile(ExercisePack pack, Map<String, String> testSources) {
    if (pack.reference() == null || pack.reference().isBlank()) {
      return null;
    }
    Path work = null;
    try {
      Files.createDirectories(scratch);
      work = Files.createTempDirectory(scratch, "tests-");
      Path reference = work.resolve("reference");
      SourceCompiler.Compilation own =
          compiler.compile(
              Map.of(pack.metadata().sourcePath(), pack.reference()), List.of(), reference, true);
      if (own.api() == null) {
        return null;
      }
      Path tests = work.resolve("tests");
      if (!compiler.compile(testSources, List.of(reference), tests).succeeded()) {
        return null;
      }
      Map<String, byte[]> classes = new LinkedHashMap<>();
      try (Stream<Path> files = Files.walk(tests)) {
        for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
          classes.put(tests.relativize(f).toString(), Files.readAllBytes(f));
        }
      }
      return new Compiled(own.api(), Map.copyOf(classes));
    } catch (IOException e) {
      return null;
    } finally {
      if (work != null) {
        try {
          Files2.deleteRecursively(work);
        } catch (IOException e) {
          // Class files only, in the jobs folder.
        }
      }
    }
  }
}
