package org.pruninglab.grading;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.pruninglab.exercise.ExercisePack;
import org.pruninglab.exercise.PackException;

/**
 * All packs of the exercises folder, loaded and checked; a broken pack is kept out with its reason
 * and never offered. Reloading replaces the whole set at once.
 */
public final class PackCatalog {

  private final GradingConfig config;
  private final PackLoader loader;
  private volatile Map<String, ExercisePack> packs = Map.of();
  private volatile Map<String, String> problems = Map.of();

  public PackCatalog(GradingConfig config, SourceCompiler compiler) {
    this.config = config;
    this.loader = new PackLoader(compiler);
  }

  /** Loads every pack again; returns the problems (pack id → reason). */
  public synchronized Map<String, String> reload() {
    Map<String, ExercisePack> ok = new LinkedHashMap<>();
    Map<String, String> broken = new LinkedHashMap<>();
    for (String id : ids()) {
      try {
        ok.put(
            id,
            loader.load(
                config.exercisesDir(), config.graderDir(), id, config.workDir().resolve("packs")));
      } catch (PackException e) {
        broken.put(id, e.reason());
      } catch (RuntimeException e) {
        broken.put(id, "cannot be loaded: " + e);
      }
    }
    List<Map.Entry<String, ExercisePack>> sorted =
        ok.entrySet().stream()
            .sorted(
                (a, b) ->
                    Integer.compare(
                        a.getValue().metadata().order(), b.getValue().metadata().order()))
            .toList();
    Map<String, ExercisePack> ordered = new LinkedHashMap<>();
    sorted.forEach(e -> ordered.put(e.getKey(), e.getValue()));
    packs = Collections.unmodifiableMap(ordered);
    problems = Collections.unmodifiableMap(broken);
    return problems;
  }

  public Map<String, ExercisePack> packs() {
    return packs;
  }

  public Map<String, String> problems() {
    return problems;
  }

  private List<String> ids() {
    if (!Files.isDirectory(config.exercisesDir())) {
      return List.of();
    }
    try (Stream<Path> dirs = Files.list(config.exercisesDir())) {
      return dirs.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted().toList();
    } catch (IOException e) {
      return List.of();
    }
  }
}
