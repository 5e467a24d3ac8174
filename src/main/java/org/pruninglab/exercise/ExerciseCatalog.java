package org.pruninglab.exercise;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.pruninglab.compile.SourceCompiler;

/**
 * The exercises of the course: every pack of the exercises and grader folders, loaded and checked;
 * a broken pack is kept out with its reason and never offered. Every feature asks this catalog
 * which exercises exist; only grading code asks it for a pack's hidden side ({@link #gradingPack}).
 * Reloading replaces the whole set at once.
 */
public final class ExerciseCatalog {

  private final Path exercisesDir;
  private final Path graderDir;
  private final Path workDir;
  private final PackLoader loader;
  private volatile Map<String, GradingPack> packs = Map.of();
  private volatile Map<String, String> problems = Map.of();

  /**
   * @param workDir where packs are compiled ({@code <workDir>/<id>/})
   * @param compiler a compiler with the sandbox's class path, which tests compile against
   */
  public ExerciseCatalog(Path exercisesDir, Path graderDir, Path workDir, SourceCompiler compiler) {
    this.exercisesDir = exercisesDir;
    this.graderDir = graderDir;
    this.workDir = workDir;
    this.loader = new PackLoader(compiler);
  }

  /** Loads every pack again; returns the problems (pack id → reason). */
  public synchronized Map<String, String> reload() {
    Map<String, GradingPack> ok = new LinkedHashMap<>();
    Map<String, String> broken = new LinkedHashMap<>();
    for (String id : ids()) {
      try {
        ok.put(id, loader.load(exercisesDir, graderDir, id, workDir));
      } catch (PackException e) {
        broken.put(id, e.reason());
      } catch (RuntimeException e) {
        broken.put(id, "cannot be loaded: " + e);
      }
    }
    Map<String, GradingPack> ordered = new LinkedHashMap<>();
    ok.values().stream()
        .sorted(Comparator.comparingInt(p -> p.metadata().order()))
        .forEach(p -> ordered.put(p.id(), p));
    packs = Collections.unmodifiableMap(ordered);
    problems = Collections.unmodifiableMap(broken);
    return problems;
  }

  /** The offered exercise of that id. */
  public Optional<Exercise> find(String id) {
    return Optional.ofNullable(packs.get(id)).map(GradingPack::exercise);
  }

  /** Every offered exercise, in course order. */
  public List<Exercise> all() {
    return packs.values().stream().map(GradingPack::exercise).toList();
  }

  /** The broken packs: id → the reason they are not offered. */
  public Map<String, String> problems() {
    return problems;
  }

  /**
   * The hidden side of an offered exercise, for grading code only (an architecture rule keeps it
   * from pages and student-facing services).
   */
  public Optional<GradingPack> gradingPack(String id) {
    return Optional.ofNullable(packs.get(id));
  }

  /** Every offered pack with its hidden side, in course order: for grading code only. */
  public List<GradingPack> gradingPacks() {
    return List.copyOf(packs.values());
  }

  /** The folders the packs are read from (the watcher reloads when they change). */
  public List<Path> folders() {
    return List.of(exercisesDir, graderDir);
  }

  private List<String> ids() {
    if (!Files.isDirectory(exercisesDir)) {
      return List.of();
    }
    try (Stream<Path> dirs = Files.list(exercisesDir)) {
      return dirs.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted().toList();
    } catch (IOException e) {
      return List.of();
    }
  }
}
